import { checkExpressions } from './expression.js';
import { elements, extensions, type El, type ModelSet } from './model.js';
import { walkModels } from './walk.js';

/**
 * Every variable name the models and forms use, with the element that uses it: whatever any expression of the
 * element reads (conditions, timers, names, a user task's description, input/output values, assignees, called
 * elements, messages …), the names mappings and input/output write, and form fields. A name an expression
 * reads that is no variable resolves to what the engine holds beside them (a Spring bean, say): its shape
 * refuses it as well.
 */
export function variableUses(set: ModelSet): { name: string; element: { id: string; name?: string } }[] {
  const read = new Map<El, string[]>();
  walkModels(set, {
    codeType: () => undefined,
    codeAttribute: () => undefined,
    unknown: () => undefined,
    text: (owner, text) => read.set(owner, [...(read.get(owner) ?? []), ...checkExpressions(text).variables]),
  });
  const uses: { name: string; element: { id: string; name?: string } }[] = [];
  for (const e of [...set.processes, ...elements(set.processes)]) {
    const add = (n: string | undefined) => n && uses.push({ name: n, element: e });
    (read.get(e) ?? []).forEach(add);
    for (const m of [...extensions(e, 'camunda:In'), ...extensions(e, 'camunda:Out')]) {
      add(m.source);
      add(m.target);
    }
    for (const io of extensions(e, 'camunda:InputOutput'))
      [...(io.inputParameters ?? []), ...(io.outputParameters ?? [])].forEach((p) => add(p.name));
    for (const fd of extensions(e, 'camunda:FormData')) (fd.fields ?? []).forEach((f) => add(f.id));
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
const ALLOWED_SHAPE = /^decision$|(Id|Count|Outcome|Decision|Action|Reason|Timeout|Reminder)$/;
/** The counters the engine itself keeps for a multi-instance activity. */
const MULTI_INSTANCE = new Set(['nrOfInstances', 'nrOfActiveInstances', 'nrOfCompletedInstances', 'loopCounter']);

export const looksPersonal = (name: string) => PERSONAL.test(name) || PERSONAL_EXACT.has(name.toLowerCase());
/**
 * The case's label for the staff (issue 21): the agency's name (an organization's, never a person's), the
 * registration's tracking code and the link to it on the reviewers' page. Named one by one: a name
 * ending in "Name" or "Code" is otherwise as likely a person's name or a one-time code.
 */
const CASE_LABEL = new Set(['agencyName', 'trackingCode', 'reviewUrl']);
export const hasAllowedShape = (name: string) =>
  ALLOWED_SHAPE.test(name) || CASE_LABEL.has(name) || MULTI_INSTANCE.has(name);
