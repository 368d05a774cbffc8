/**
 * The expressions a model may hold: `${…}` or `#{…}` made only of variable names, literals, comparison,
 * logical and arithmetic operators, and parentheses. A whitelist over tokens, not a blacklist of words:
 * whatever the tokenizer does not know (`.`, `[`, `?`, `:`, `=`, `;`, `{`, `$`, a non-ASCII letter …) is
 * refused, and the parser refuses an operand followed by `(` (a call). So no member access, no method or
 * function call (`dateTime()`, `now()`), and none of the objects the engine puts beside the variables.
 *
 * Why the engine's own names go too: `execution`, `task`, `externalTask`, `caseExecution` are the engine's
 * objects, and a bare one is only useful with member access (refused anyway) — but a variable cannot be
 * named so. `authenticatedUserId` is no variable either: it is whoever happens to drive the engine (in a
 * timer job, nobody), a staff member's id the history would keep, and the models never need it.
 * A bare name that is no variable may resolve to a Spring bean; without member access or a call the most
 * it yields is the bean's toString, so names are accepted by shape and the variable rules judge them.
 */

type ExpressionFaultKind = 'member-access' | 'call' | 'engine-object' | 'unknown-token' | 'syntax';

export interface ExpressionFault {
  kind: ExpressionFaultKind;
  /** The offending token or the expression part it is about, as written. */
  token: string;
  /** The whole `${…}` it was found in. */
  expression: string;
}

/** Names the engine resolves to its own objects rather than to process variables. */
const ENGINE_OBJECTS = new Set(['execution', 'task', 'externalTask', 'caseExecution', 'authenticatedUserId']);

const BINARY_WORDS = new Set(['and', 'or', 'eq', 'ne', 'lt', 'gt', 'le', 'ge', 'div', 'mod']);
const UNARY_WORDS = new Set(['not', 'empty']);
const LITERAL_WORDS = new Set(['true', 'false', 'null']);
const BINARY_SYMBOLS = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '+', '-', '*', '/', '%'];

/** A token not on the list stays in the stream as `bad`, so the fault reported is the leftmost one. */
type Token =
  | { kind: 'name' | 'literal' | 'binary' | 'unary' | '(' | ')'; text: string }
  | { kind: 'bad'; text: string; fault: ExpressionFaultKind };

class Fault extends Error {
  constructor(
    readonly kind: ExpressionFaultKind,
    readonly token: string,
  ) {
    super(`${kind}: ${token}`);
  }
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const NUMBER = /^(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?/;
const STRING = /^(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")/;

/** The tokens of one expression's body (between `${` and `}`); what is not on the list is a `bad` token. */
function tokenize(body: string): Token[] {
  const tokens: Token[] = [];
  let rest = body;
  while (rest.length) {
    const space = /^\s+/.exec(rest);
    if (space) {
      rest = rest.slice(space[0].length);
      continue;
    }
    const take = (kind: Exclude<Token['kind'], 'bad'>, text: string) => {
      tokens.push({ kind, text });
      rest = rest.slice(text.length);
    };
    const bad = (fault: ExpressionFaultKind, text: string) => {
      tokens.push({ kind: 'bad', text, fault });
      rest = rest.slice(text.length);
    };
    const name = NAME.exec(rest)?.[0];
    const literal = NUMBER.exec(rest)?.[0] ?? STRING.exec(rest)?.[0];
    const symbol = BINARY_SYMBOLS.find((s) => rest.startsWith(s));
    if (name) {
      if (ENGINE_OBJECTS.has(name)) bad('engine-object', name);
      else if (BINARY_WORDS.has(name)) take('binary', name);
      else if (UNARY_WORDS.has(name)) take('unary', name);
      else if (LITERAL_WORDS.has(name)) take('literal', name);
      else if (name === 'instanceof') bad('unknown-token', name);
      else take('name', name);
    } else if (literal) take('literal', literal);
    else if (rest[0] === "'" || rest[0] === '"') bad('syntax', rest);
    else if (rest[0] === '.' || rest[0] === '[') bad('member-access', rest[0]);
    else if (rest[0] === '(' || rest[0] === ')') take(rest[0], rest[0]);
    else if (rest.startsWith('->')) bad('unknown-token', '->');
    else if (rest[0] === '!' && !rest.startsWith('!=')) take('unary', '!');
    else if (symbol) take('binary', symbol);
    else bad('unknown-token', String.fromCodePoint(rest.codePointAt(0)!));
  }
  return tokens;
}

/** expr := operand (binary operand)*; operand := unary* (name | literal | '(' expr ')'). Names found are collected. */
function parse(tokens: Token[], names: string[]) {
  let i = 0;
  const next = () => {
    const t = tokens[i++];
    if (t?.kind === 'bad') throw new Fault(t.fault, t.text);
    return t;
  };
  const peek = () => {
    const t = tokens[i];
    if (t?.kind === 'bad') throw new Fault(t.fault, t.text);
    return t;
  };
  const operand = () => {
    while (peek()?.kind === 'unary' || peek()?.text === '-') i++;
    const t = next();
    if (!t) throw new Fault('syntax', 'an operand is missing');
    if (t.kind === 'name' || t.kind === 'literal') {
      if (t.kind === 'name') names.push(t.text);
      if (peek()?.kind === '(') throw new Fault('call', `${t.text}(`);
      return;
    }
    if (t.kind !== '(') throw new Fault('syntax', t.text);
    expr();
    if (next()?.kind !== ')') throw new Fault('syntax', 'a ")" is missing');
    if (peek()?.kind === '(') throw new Fault('call', ')(');
  };
  const expr = () => {
    operand();
    while (peek()?.kind === 'binary') {
      i++;
      operand();
    }
  };
  expr();
  const left = peek();
  if (left) throw new Fault('syntax', left.text);
}

/**
 * Every `${…}` or `#{…}` in a text (an attribute, a condition, a name: JUEL's composite expressions), each
 * judged on its own; `\${` is literal text, as in JUEL. Returns the faults and the variable names read.
 */
export function checkExpressions(text: string): { faults: ExpressionFault[]; variables: string[] } {
  const faults: ExpressionFault[] = [];
  const variables: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && (text[i + 1] === '$' || text[i + 1] === '#')) {
      i++;
      continue;
    }
    if (!((text[i] === '$' || text[i] === '#') && text[i + 1] === '{')) continue;
    const end = closingBrace(text, i + 2);
    const expression = text.slice(i, end === -1 ? undefined : end + 1);
    try {
      if (end === -1) throw new Fault('syntax', 'the closing "}" is missing');
      const tokens = tokenize(text.slice(i + 2, end));
      if (!tokens.length) throw new Fault('syntax', 'the expression is empty');
      parse(tokens, variables);
    } catch (e) {
      if (!(e instanceof Fault)) throw e;
      faults.push({ kind: e.kind, token: e.token, expression });
    }
    if (end === -1) break;
    i = end;
  }
  return { faults, variables };
}

/** Whether a text holds an expression at all (what the engine would evaluate rather than take as it is). */
export const hasExpression = (text: string) => /(?<!\\)[$#]\{/.test(text);

/** The `}` closing an expression that starts at `from`, skipping quoted strings; -1 if there is none. */
function closingBrace(text: string, from: number) {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '}') return i;
    if (c === "'" || c === '"') {
      const m = STRING.exec(text.slice(i));
      if (!m) return -1;
      i += m[0].length - 1;
    }
  }
  return -1;
}
