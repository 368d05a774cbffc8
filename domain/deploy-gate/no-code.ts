import { checkExpressions, hasExpression, type ExpressionFault } from './expression.js';
import { elements, type El, type ModelSet } from './model.js';
import { problem, type GateProblem } from './problem.js';

/**
 * Parts of a model that make the engine run code: a script, a listener, a Java class, a delegate, a
 * connector, injected fields. The engine runs them inside its own process — in a timer job with no user
 * and no authorization check — so a model carries none; the work belongs to workers on external tasks.
 */
const CODE_TYPES: Record<string, { fa: string; en: string }> = {
  'bpmn:ScriptTask': { fa: 'یک وظیفهٔ اسکریپت است', en: 'is a script task' },
  'camunda:Script': { fa: 'اسکریپت دارد (camunda:script)', en: 'holds a script (camunda:script)' },
  'camunda:ExecutionListener': {
    fa: 'شنوندهٔ اجرا دارد (camunda:executionListener)',
    en: 'has an execution listener (camunda:executionListener)',
  },
  'camunda:TaskListener': {
    fa: 'شنوندهٔ وظیفه دارد (camunda:taskListener)',
    en: 'has a task listener (camunda:taskListener)',
  },
  'camunda:Connector': { fa: 'کانکتور دارد (camunda:connector)', en: 'has a connector (camunda:connector)' },
  'camunda:Field': { fa: 'فیلد تزریقی دارد (camunda:field)', en: 'has an injected field (camunda:field)' },
};

/** Attributes that name code for the engine to run, whatever element carries them. */
const CODE_ATTRIBUTES: Record<string, { fa: string; en: string }> = {
  class: { fa: 'یک کلاس جاوا را نام می‌برد (camunda:class)', en: 'names a Java class (camunda:class)' },
  delegateExpression: {
    fa: 'یک delegate را نام می‌برد (camunda:delegateExpression)',
    en: 'names a delegate (camunda:delegateExpression)',
  },
  expression: {
    fa: 'عبارتی دارد که موتور به‌جای کار اجرا می‌کند (camunda:expression)',
    en: 'has an expression the engine runs as its work (camunda:expression)',
  },
  resultVariable: {
    fa: 'نتیجهٔ یک عبارت را در متغیر می‌گذارد (camunda:resultVariable)',
    en: "stores an expression's result (camunda:resultVariable)",
  },
  language: { fa: 'شرط یا عبارتی به زبان اسکریپت دارد', en: 'has a condition or expression in a script language' },
  scriptFormat: { fa: 'اسکریپت دارد', en: 'holds a script' },
  resource: {
    fa: 'اسکریپتی از یک منبع بیرونی دارد (camunda:resource)',
    en: 'loads a script resource (camunda:resource)',
  },
  variableMappingClass: {
    fa: 'نگاشت متغیرها را به یک کلاس جاوا می‌سپارد (camunda:variableMappingClass)',
    en: 'maps variables with a Java class (camunda:variableMappingClass)',
  },
  variableMappingDelegateExpression: {
    fa: 'نگاشت متغیرها را به یک delegate می‌سپارد (camunda:variableMappingDelegateExpression)',
    en: 'maps variables with a delegate (camunda:variableMappingDelegateExpression)',
  },
  // The engine would store the id of whoever starts the instance (a staff member's, or the service account's).
  initiator: {
    fa: 'شناسهٔ آغازکننده را در متغیر می‌گذارد (camunda:initiator)',
    en: "stores the starter's user id in a variable (camunda:initiator)",
  },
};

/** Where the engine's text is prose, never evaluated: documentation and annotations. */
const PROSE = new Set(['documentation', 'artifacts', 'laneSets']);
/** References to other elements (checked as elements in their own right) and to messages, errors and signals. */
const REFERENCES = ['messageRef', 'errorRef', 'signalRef', 'escalationRef'];

const FAULT_TEXT: Record<ExpressionFault['kind'], (f: ExpressionFault) => { fa: string; en: string }> = {
  'member-access': (f) => ({
    fa: `به عضوی از یک شیء دسترسی دارد («${f.token}»)`,
    en: `reaches into an object ("${f.token}")`,
  }),
  call: (f) => ({ fa: `تابع یا متدی را فرا می‌خواند («${f.token}»)`, en: `calls a function or method ("${f.token}")` }),
  'engine-object': (f) => ({
    fa: `شیء خود موتور را به کار می‌برد («${f.token}»)، نه یک متغیر`,
    en: `uses the engine's own object "${f.token}", not a variable`,
  }),
  'unknown-token': (f) => ({
    fa: `نشانه‌ای دارد که مجاز نیست («${f.token}»)`,
    en: `has a token that is not allowed ("${f.token}")`,
  }),
  syntax: (f) => ({ fa: `درست نوشته نشده (${f.token})`, en: `is not well formed (${f.token})` }),
};

type Node = Record<string, unknown> & { $type?: string; $attrs?: Record<string, unknown> };

/**
 * The code rule: no element (the process included) carries code, and every expression anywhere in it —
 * names, conditions, timers, input/output, assignees, due dates, form keys, multi-instance, called
 * elements, messages — reads only plain variables (./expression.ts).
 */
export function noCode(set: ModelSet): GateProblem[] {
  const owners = new Set<unknown>([...set.processes, ...elements(set.processes)]);
  const problems: GateProblem[] = [];
  for (const owner of owners as Set<El>) {
    const found: { fa: (l: string) => string; en: (l: string) => string }[] = [];
    const code = (what: { fa: string; en: string }) =>
      found.push({
        fa: (l) => `${l} ${what.fa}؛ مدل‌ها کد ندارند: کار با workerها روی وظیفه‌های External است.`,
        en: (l) => `${l} ${what.en}; models carry no code: the work belongs to workers on external tasks.`,
      });
    const seen = new Set<unknown>();
    const visit = (node: Node) => {
      if (seen.has(node)) return;
      seen.add(node);
      const codeType = node.$type ? CODE_TYPES[node.$type] : undefined;
      if (codeType) return void code(codeType);
      for (const [k, v] of [...Object.entries(node), ...Object.entries(node.$attrs ?? {})]) {
        if (k === '$type' || k === 'flowElements' || PROSE.has(k)) continue;
        // camunda:errorEventDefinition's expression only tests an external task's error; it is checked like any other.
        if (
          k in CODE_ATTRIBUTES &&
          v != null &&
          v !== '' &&
          !(k === 'expression' && node.$type === 'camunda:ErrorEventDefinition')
        ) {
          code(CODE_ATTRIBUTES[k]!);
          continue;
        }
        value(v);
      }
      for (const r of REFERENCES) if (node[r] && typeof node[r] === 'object') value(node[r]);
    };
    const value = (v: unknown) => {
      if (typeof v === 'string') {
        if (!hasExpression(v)) return;
        for (const f of checkExpressions(v).faults) {
          const t = FAULT_TEXT[f.kind](f);
          found.push({
            fa: (l) =>
              `در ${l} عبارت «${f.expression}» ${t.fa}؛ عبارت‌ها فقط متغیرهای ساده را می‌خوانند (نام، مقدار ثابت، مقایسه، منطق، حساب و پرانتز).`,
            en: (l) =>
              `In ${l} the expression "${f.expression}" ${t.en}; expressions read plain variables only (names, literals, comparisons, logic, arithmetic, parentheses).`,
          });
        }
      } else if (Array.isArray(v)) v.forEach(value);
      else if (v && typeof v === 'object' && !owners.has(v)) visit(v as Node);
    };
    visit(owner);
    for (const f of found) problems.push(problem('code', owner, f.fa, f.en));
  }
  return problems;
}
