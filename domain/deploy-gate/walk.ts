import { elements, type El, type ModelSet } from './model.js';

/** Element types that make the engine run code. */
const CODE_TYPE_NAMES = [
  'bpmn:ScriptTask',
  'camunda:Script',
  'camunda:ExecutionListener',
  'camunda:TaskListener',
  'camunda:Connector',
  'camunda:Field',
] as const;
/** Attributes that name code for the engine to run, whatever element carries them. */
const CODE_ATTRIBUTE_NAMES = [
  'class',
  'delegateExpression',
  'expression',
  'resultVariable',
  'language',
  'scriptFormat',
  'resource',
  'variableMappingClass',
  'variableMappingDelegateExpression',
  'initiator',
] as const;
export type CodeTypeName = (typeof CODE_TYPE_NAMES)[number];
export type CodeAttributeName = (typeof CODE_ATTRIBUTE_NAMES)[number];

/** Where the engine's text is prose, never evaluated: documentation (but a user task's) and annotations. */
const PROSE = new Set(['documentation', 'artifacts', 'laneSets']);
/** References to other elements (checked as elements in their own right) and to messages, errors and signals. */
const REFERENCES = ['messageRef', 'errorRef', 'signalRef', 'escalationRef'];
/** Elements whose `expression` is a value to judge as any other, not work the engine runs. */
const EXPRESSIONS_THAT_ARE_NO_WORK = new Set(['camunda:ErrorEventDefinition', 'bpmn:ResourceAssignmentExpression']);
/** Attributes of the XML itself, which every reader takes the same way: namespace declarations and xsi:type. */
const XML_ATTRIBUTE = /^(xmlns(:.*)?|xsi:type)$/;

export interface ModelVisitor {
  /** A part of `owner` that makes the engine run code. */
  codeType(owner: El, type: CodeTypeName): void;
  codeAttribute(owner: El, attribute: CodeAttributeName): void;
  /**
   * An attribute or element of `owner` that the gate's schema (BPMN with camunda:) does not know. The engine may:
   * it reads Operaton's own namespace before camunda:, so `operaton:class` is a class to it and nothing to the gate.
   */
  unknown(owner: El, what: string): void;
  /** A text of `owner` the engine may evaluate as an expression. */
  text(owner: El, text: string): void;
}

type Node = Record<string, unknown> & {
  $type?: string;
  $attrs?: Record<string, unknown>;
  $descriptor?: { isGeneric?: boolean };
};

/**
 * The engine joins a user task's documentation elements, each trimmed, into its description expression, which
 * it evaluates when the task is made (a name is one too): the one documentation that is not prose.
 */
const description = (docs: { text?: string }[]) => docs.map((d) => (d.text ?? '').trim()).join('\n\n');

/**
 * Walks each process and each of its flow elements (the owners the gate's problems name) through everything it
 * carries: extension elements, event definitions, expressions, and the messages, signals and errors it refers to.
 * A nested flow element is an owner of its own, not a part of its sub-process.
 */
export function walkModels(set: ModelSet, visitor: ModelVisitor) {
  const owners = new Set<unknown>([...set.processes, ...elements(set.processes)]);
  for (const owner of owners as Set<El>) {
    const seen = new Set<unknown>();
    const visit = (node: Node) => {
      if (seen.has(node)) return;
      seen.add(node);
      if (node.$descriptor?.isGeneric) return visitor.unknown(owner, `<${node.$type}>`);
      if ((CODE_TYPE_NAMES as readonly string[]).includes(node.$type ?? ''))
        return visitor.codeType(owner, node.$type as CodeTypeName);
      for (const k of Object.keys(node.$attrs ?? {}))
        if (!XML_ATTRIBUTE.test(k)) visitor.unknown(owner, `${k}="${String(node.$attrs![k])}"`);
      for (const [k, v] of Object.entries(node)) {
        if (k === '$type' || k === '$attrs' || k === 'flowElements') continue;
        if (k === 'documentation' && node.$type === 'bpmn:UserTask') {
          value(description(v as { text?: string }[]));
          continue;
        }
        if (PROSE.has(k)) continue;
        // camunda:errorEventDefinition's expression only tests an external task's error, and a potential owner's or
        // human performer's is the candidates' formal expression: each is checked like any other expression.
        if (
          (CODE_ATTRIBUTE_NAMES as readonly string[]).includes(k) &&
          v != null &&
          v !== '' &&
          !(k === 'expression' && EXPRESSIONS_THAT_ARE_NO_WORK.has(node.$type ?? ''))
        ) {
          visitor.codeAttribute(owner, k as CodeAttributeName);
          continue;
        }
        value(v);
      }
      for (const r of REFERENCES) if (node[r] && typeof node[r] === 'object') value(node[r]);
    };
    const value = (v: unknown) => {
      if (typeof v === 'string') visitor.text(owner, v);
      else if (Array.isArray(v)) v.forEach(value);
      else if (v && typeof v === 'object' && !owners.has(v)) visit(v as Node);
    };
    visit(owner);
  }
}
