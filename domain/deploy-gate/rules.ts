import { CARD_STEPS, NAMED_STEPS, stepsOf } from './card-steps.js';
import {
  elements,
  externalMessageThrows,
  isServiceLike,
  type El,
  type EventDefinition,
  type ModelSet,
} from './model.js';
import { problem, type GateProblem } from './problem.js';
import { hasAllowedShape, looksPersonal, variableUses } from './variables.js';

/** What this codebase serves, for the gate to hold a model against. */
export interface GateFacts {
  /** Topics a worker in workers/ fetches. */
  workerTopics: readonly string[];
  /** User tasks (definition keys) the API completes. */
  apiUserTasks: readonly string[];
  /** Process ids and element ids code refers to (adapters/engine/process-model.ts): they must stay. */
  requiredProcesses: readonly string[];
  /** BPMN error codes workers throw (handleBpmnError), each of which a model must catch. */
  workerErrorCodes?: readonly string[];
  /** Messages the API correlates, each of which a model must wait for. */
  correlatedMessages?: readonly string[];
}

const defs = (e: El, type: string): EventDefinition[] => (e.eventDefinitions ?? []).filter((d) => d.$type === type);
const elementsOf = (set: ModelSet) => elements(set.processes);

/** Every service task is an external task on a topic some worker fetches; anything else would stall or run code we do not ship. */
export function workerTopics(set: ModelSet, facts: GateFacts): GateProblem[] {
  const topics = new Set(facts.workerTopics);
  return [...elementsOf(set).filter(isServiceLike), ...externalMessageThrows(set.processes)].flatMap((t) => {
    if (t.type !== 'external' || !t.topic) {
      return [
        problem(
          'worker-topic',
          t,
          (l) => `وظیفهٔ سرویس ${l} از نوع «External» با یک topic نیست؛ هیچ worker این پروژه آن را اجرا نمی‌کند.`,
          (l) => `Service task ${l} is not an external task with a topic; no worker of this project would run it.`,
        ),
      ];
    }
    if (topics.has(t.topic)) return [];
    return [
      problem(
        'worker-topic',
        t,
        (l) => `برای topic «${t.topic}» در ${l} هیچ workerی در این پروژه نیست؛ نمونه‌ها در این مرحله بی‌صدا می‌مانند.`,
        (l) => `No worker of this project fetches topic "${t.topic}" of ${l}; instances would wait there silently.`,
      ),
    ];
  });
}

/** A user task is one the API completes, or one Tasklist shows someone with a form to complete it. */
export function userTasks(set: ModelSet, facts: GateFacts): GateProblem[] {
  const api = new Set(facts.apiUserTasks);
  return elementsOf(set)
    .filter((e) => e.$type === 'bpmn:UserTask' && !api.has(e.id))
    .flatMap((t) => {
      const form = !!(t.formKey || t.formRef);
      const someone = !!(t.assignee || t.candidateGroups || t.candidateUsers);
      if (form && someone) return [];
      return [
        problem(
          'user-task',
          t,
          (l) =>
            `وظیفهٔ کاربری ${l} را نه API می‌شناسد و نه در Tasklist کسی با فرم می‌تواند آن را انجام دهد (فرم و گروه/کاربر لازم است).`,
          (l) =>
            `User task ${l} is neither one the API completes nor one Tasklist can complete (it needs a form and a candidate group or assignee).`,
        ),
      ];
    });
}

/** Every thrown BPMN error (by an event or by a worker) is caught by an error boundary event or an error start of an event sub-process. */
export function errorCatchers(set: ModelSet, facts: GateFacts): GateProblem[] {
  const all = elementsOf(set);
  const catchers = all.filter(
    (e) =>
      (e.$type === 'bpmn:BoundaryEvent' || e.$type === 'bpmn:StartEvent') &&
      defs(e, 'bpmn:ErrorEventDefinition').length,
  );
  const caught = (code: string | undefined) =>
    catchers.some((c) =>
      defs(c, 'bpmn:ErrorEventDefinition').some(
        (d) => !d.errorRef || !d.errorRef.errorCode || d.errorRef.errorCode === code,
      ),
    );
  const problems: GateProblem[] = [];
  for (const e of all.filter((x) => /^bpmn:(EndEvent|IntermediateThrowEvent)$/.test(x.$type))) {
    for (const d of defs(e, 'bpmn:ErrorEventDefinition')) {
      const code = d.errorRef?.errorCode;
      if (!caught(code)) {
        problems.push(
          problem(
            'error-catcher',
            e,
            (l) => `خطای BPMN «${code ?? 'بدون کد'}» که ${l} می‌اندازد هیچ رویداد گیرنده‌ای ندارد.`,
            (l) => `The BPMN error "${code ?? 'without a code'}" thrown by ${l} has no catching event.`,
          ),
        );
      }
    }
  }
  for (const code of facts.workerErrorCodes ?? []) {
    if (!caught(code)) {
      problems.push(
        problem(
          'error-catcher',
          { id: code },
          () => `خطای BPMN «${code}» را یک worker می‌اندازد ولی هیچ رویدادی در مدل آن را نمی‌گیرد.`,
          () => `A worker throws the BPMN error "${code}" but no event of the model catches it.`,
        ),
      );
    }
  }
  return problems;
}

/** Every message thrown in the models, or correlated by the API, has an event or receive task waiting for it. */
export function messageCatchers(set: ModelSet, facts: GateFacts): GateProblem[] {
  const all = elementsOf(set);
  const waiting = new Set(
    all
      .flatMap((e) => {
        if (e.$type === 'bpmn:ReceiveTask') return [e.messageRef?.name];
        if (!/^bpmn:(StartEvent|IntermediateCatchEvent|BoundaryEvent)$/.test(e.$type)) return [];
        return defs(e, 'bpmn:MessageEventDefinition').map((d) => d.messageRef?.name);
      })
      .filter((n): n is string => !!n),
  );
  const problems: GateProblem[] = [];
  for (const e of all) {
    // A send task or message event implemented as an external task sends through its worker, not to the model.
    const thrown =
      e.$type === 'bpmn:SendTask'
        ? e.type === 'external'
          ? []
          : [e.messageRef]
        : /^bpmn:(EndEvent|IntermediateThrowEvent)$/.test(e.$type)
          ? defs(e, 'bpmn:MessageEventDefinition')
              .filter((d) => d.type !== 'external')
              .map((d) => d.messageRef)
          : [];
    for (const m of thrown) {
      if (m?.name && waiting.has(m.name)) continue;
      problems.push(
        problem(
          'message-catcher',
          e,
          (l) => `پیام «${m?.name ?? 'بدون نام'}» که ${l} می‌فرستد را هیچ رویداد یا وظیفه‌ای منتظر نیست.`,
          (l) =>
            `The message "${m?.name ?? 'without a name'}" sent by ${l} has no event or receive task waiting for it.`,
        ),
      );
    }
  }
  for (const name of facts.correlatedMessages ?? []) {
    if (!waiting.has(name)) {
      problems.push(
        problem(
          'message-catcher',
          { id: name },
          () => `API پیام «${name}» را می‌فرستد ولی هیچ رویدادی در مدل منتظر آن نیست.`,
          () => `The API correlates the message "${name}" but no event of the model waits for it.`,
        ),
      );
    }
  }
  return problems;
}

/** Every step of the card (1–12 with its branches) is still named by an element or a flow, and only steps the card has. */
export function cardSteps(set: ModelSet): GateProblem[] {
  const all = elementsOf(set);
  const named = new Set(all.flatMap((e) => stepsOf(e.name)));
  const problems: GateProblem[] = [];
  for (const e of all) {
    for (const s of stepsOf(e.name).filter((x) => !CARD_STEPS.includes(x))) {
      problems.push(
        problem(
          'card-step',
          e,
          (l) => `${l} مرحلهٔ ${s} را نام می‌برد که در کارت فرایند نیست.`,
          (l) => `${l} names step ${s}, which the process card does not have.`,
        ),
      );
    }
  }
  for (const s of NAMED_STEPS.filter((x) => !named.has(x))) {
    problems.push(
      problem(
        'card-step',
        { id: `step ${s}` },
        () => `مرحلهٔ ${s} کارت فرایند دیگر نام هیچ عنصری نیست (نام‌ها با شمارهٔ مرحله آغاز می‌شوند، مانند «${s} · …»).`,
        () => `Card step ${s} is no longer named by any element (names start with the step number, as in "${s} · …").`,
      ),
    );
  }
  return problems;
}

/** A timer waits for something: a duration, a date or a cycle. */
export function timers(set: ModelSet): GateProblem[] {
  return elementsOf(set).flatMap((e) =>
    defs(e, 'bpmn:TimerEventDefinition')
      .filter((d) => ![d.timeDuration, d.timeDate, d.timeCycle].some((x) => x?.body?.trim()))
      .map(() =>
        problem(
          'timer',
          e,
          (l) => `زمان‌سنج ${l} مدت، تاریخ یا چرخه ندارد.`,
          (l) => `Timer ${l} has no duration, date or cycle.`,
        ),
      ),
  );
}

/** Variables carry ids, counters, outcome codes and durations; personal data stays in PostgreSQL, out of the engine's history. */
export function personalData(set: ModelSet): GateProblem[] {
  const seen = new Set<string>();
  return variableUses(set).flatMap(({ name, element }) => {
    const key = `${element.id}/${name}`;
    if (seen.has(key)) return [];
    seen.add(key);
    if (looksPersonal(name)) {
      return [
        problem(
          'personal-data',
          element,
          (l) => `متغیر «${name}» در ${l} دادهٔ شخصی به نظر می‌رسد؛ دادهٔ شخصی نباید وارد موتور فرایند شود.`,
          (l) => `Variable "${name}" in ${l} looks like personal data, which must not enter the engine.`,
        ),
      ];
    }
    if (hasAllowedShape(name)) return [];
    return [
      problem(
        'personal-data',
        element,
        (l) =>
          `متغیر «${name}» در ${l} شناسه، شمارنده، کد نتیجه یا مدت نیست (نام باید به Id، Count، Outcome، Decision، Action، Reason، Timeout یا Reminder ختم شود).`,
        (l) =>
          `Variable "${name}" in ${l} is not an id, counter, outcome code or duration (its name must end in Id, Count, Outcome, Decision, Action, Reason, Timeout or Reminder).`,
      ),
    ];
  });
}

/** The processes and API user tasks code refers to by id are still there. */
export function codeIds(set: ModelSet, facts: GateFacts): GateProblem[] {
  const processIds = new Set(set.processes.map((p) => p.id));
  const ids = new Set(elementsOf(set).map((e) => e.id));
  return [
    ...facts.requiredProcesses
      .filter((p) => !processIds.has(p))
      .map((p) =>
        problem(
          'code-ids',
          { id: p },
          (l) => `فرایند ${l} که کد به آن وابسته است در مدل نیست (شناسهٔ فرایند را تغییر ندهید).`,
          (l) => `Process ${l}, which the code relies on, is missing (keep the process id).`,
        ),
      ),
    ...facts.apiUserTasks
      .filter((t) => !ids.has(t))
      .map((t) =>
        problem(
          'code-ids',
          { id: t },
          (l) => `وظیفهٔ کاربری ${l} که API آن را انجام می‌دهد در مدل نیست (شناسهٔ عنصر را تغییر ندهید).`,
          (l) => `User task ${l}, which the API completes, is missing (keep the element id).`,
        ),
      ),
  ];
}
