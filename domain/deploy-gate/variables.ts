import { elements, extensions, type ModelSet } from './model.js';

const JUEL_WORDS = new Set([
  'and',
  'or',
  'not',
  'eq',
  'ne',
  'lt',
  'gt',
  'le',
  'ge',
  'empty',
  'div',
  'mod',
  'true',
  'false',
  'null',
  'instanceof',
]);

/** Variable names an expression reads: its root identifiers, plus names given to execution.getVariable('…'). */
function variablesIn(expression: string | undefined): string[] {
  if (!expression) return [];
  const names = [...expression.matchAll(/getVariable(?:Local)?\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  for (const [, body] of expression.matchAll(/[$#]\{([^}]*)\}/g)) {
    const code = body!.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
    for (const m of code.matchAll(/(?<![\w$.])[A-Za-z_$][\w$]*/g)) if (!JUEL_WORDS.has(m[0])) names.push(m[0]);
  }
  return names;
}

/** Every variable name the models and forms use, with the element that uses it: conditions, timers, mappings, input/output, form fields. */
export function variableUses(set: ModelSet): { name: string; element: { id: string; name?: string } }[] {
  const uses: { name: string; element: { id: string; name?: string } }[] = [];
  for (const e of elements(set.processes)) {
    const add = (n: string | undefined) => n && uses.push({ name: n, element: e });
    variablesIn(e.conditionExpression?.body).forEach(add);
    for (const d of e.eventDefinitions ?? [])
      [d.timeDuration, d.timeDate, d.timeCycle].forEach((x) => variablesIn(x?.body).forEach(add));
    for (const m of [...extensions(e, 'camunda:In'), ...extensions(e, 'camunda:Out')]) {
      add(m.source);
      add(m.target);
      variablesIn(m.sourceExpression).forEach(add);
      variablesIn(m.businessKey).forEach(add);
    }
    for (const io of extensions(e, 'camunda:InputOutput'))
      [...(io.inputParameters ?? []), ...(io.outputParameters ?? [])].forEach((p) => add(p.name));
    for (const fd of extensions(e, 'camunda:FormData')) (fd.fields ?? []).forEach((f) => add(f.id));
    // The engine evaluates a user task's name and its documentation (the task's description) as expressions and
    // keeps the results in the task's history: what they read is as much a variable use as a condition.
    if (e.$type === 'bpmn:UserTask') {
      variablesIn(e.name).forEach(add);
      for (const d of e.documentation ?? []) variablesIn(d.text).forEach(add);
    }
  }
  for (const form of set.forms) for (const key of form.keys) uses.push({ name: key, element: { id: form.id } });
  return uses;
}

/** Personal data stays in PostgreSQL; the engine's variables (and its history) must never hold it. */
const PERSONAL =
  /national|mobile|phone|first.?name|last.?name|father|birth|e-?mail|password|passwd|address|postal|username|letter|shenasname|certificate/i;
const PERSONAL_EXACT = new Set([
  'code',
  'otp',
  'otpcode',
  'captcha',
  'captchacode',
  'captchaanswer',
  'answer',
  'name',
  'age',
  'gender',
]);
/** What a variable may be: an id, a counter, an outcome or decision code, a duration the API sets at start. */
const ALLOWED_SHAPE = /^(execution|decision)$|(Id|Count|Outcome|Decision|Action|Reason|Timeout|Reminder)$/;

export const looksPersonal = (name: string) => PERSONAL.test(name) || PERSONAL_EXACT.has(name.toLowerCase());
/**
 * The case's label for the staff (issue 21): the agency's name (an organization's, never a person's), the
 * registration's tracking code and the link to it on the reviewers' page. Named one by one: a name
 * ending in "Name" or "Code" is otherwise as likely a person's name or a one-time code.
 */
const CASE_LABEL = new Set(['agencyName', 'trackingCode', 'reviewUrl']);
export const hasAllowedShape = (name: string) => ALLOWED_SHAPE.test(name) || CASE_LABEL.has(name);
