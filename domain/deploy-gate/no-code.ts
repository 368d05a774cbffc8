import { checkExpressions, hasExpression, type ExpressionFault } from './expression.js';
import type { El, ModelSet } from './model.js';
import { problem, type GateProblem } from './problem.js';
import { walkModels, type CodeAttributeName, type CodeTypeName } from './walk.js';

/**
 * Parts of a model that make the engine run code: a script, a listener, a Java class, a delegate, a
 * connector, injected fields. The engine runs them inside its own process — in a timer job with no user
 * and no authorization check — so a model carries none; the work belongs to workers on external tasks.
 */
const CODE_TYPES: Record<CodeTypeName, { fa: string; en: string }> = {
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
const CODE_ATTRIBUTES: Record<CodeAttributeName, { fa: string; en: string }> = {
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

/**
 * The code rule: no element (the process included) carries code or a part the gate cannot read, and every
 * expression anywhere in it — names, a user task's description, conditions, timers, input/output, assignees, due
 * dates, form keys, multi-instance, called elements, messages — reads only plain variables (./expression.ts).
 */
export function noCode(set: ModelSet): GateProblem[] {
  const found = new Map<El, { fa: (l: string) => string; en: (l: string) => string }[]>();
  const add = (owner: El, fa: (l: string) => string, en: (l: string) => string) =>
    found.set(owner, [...(found.get(owner) ?? []), { fa, en }]);
  const code = (owner: El, what: { fa: string; en: string }) =>
    add(
      owner,
      (l) => `${l} ${what.fa}؛ مدل‌ها کد ندارند: کار با workerها روی وظیفه‌های External است.`,
      (l) => `${l} ${what.en}; models carry no code: the work belongs to workers on external tasks.`,
    );
  walkModels(set, {
    codeType: (owner, type) => code(owner, CODE_TYPES[type]),
    codeAttribute: (owner, attribute) => code(owner, CODE_ATTRIBUTES[attribute]),
    unknown: (owner, what) =>
      add(
        owner,
        (l) =>
          `${l} بخشی دارد که دروازه نمی‌شناسد (${what})؛ موتور شاید آن را بخواند (فضای نام operaton: را پیش از camunda:)، پس مدل‌ها فقط BPMN و camunda: دارند.`,
        (l) =>
          `${l} has a part the gate does not know (${what}); the engine may read it (it reads the operaton: namespace before camunda:), so models hold BPMN and camunda: only.`,
      ),
    text: (owner, text) => {
      if (!hasExpression(text)) return;
      for (const f of checkExpressions(text).faults) {
        const t = FAULT_TEXT[f.kind](f);
        add(
          owner,
          (l) =>
            `در ${l} عبارت «${f.expression}» ${t.fa}؛ عبارت‌ها فقط متغیرهای ساده را می‌خوانند (نام، مقدار ثابت، مقایسه، منطق، حساب و پرانتز).`,
          (l) =>
            `In ${l} the expression "${f.expression}" ${t.en}; expressions read plain variables only (names, literals, comparisons, logic, arithmetic, parentheses).`,
        );
      }
    },
  });
  const unread = (set.unread ?? []).map((u) =>
    problem(
      'code',
      { id: u.file },
      (l) => `${l} بخشی دارد که دروازه نتوانست بخواند (${u.part})؛ موتور شاید آن را بخواند.`,
      (l) => `${l} has a part the gate could not read (${u.part}); the engine may read it.`,
    ),
  );
  return [...[...found].flatMap(([owner, texts]) => texts.map((t) => problem('code', owner, t.fa, t.en))), ...unread];
}
