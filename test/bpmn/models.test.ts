import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CERTIFICATE_REQUEST_PROCESS_ID, PROCESS_ID, RA_GROUP, RA_TASK, REVIEW_PROCESS_ID, REVIEWER_GROUP, TOPICS, USER_TASKS } from '../../adapters/engine/process-model.js';
import { modelFiles } from '../../adapters/bpmn/model-files.js';
import { lintModel, readModel } from '../../ops/bpmn-models.js';
import { jobWorkers } from '../../workers/index.js';
import { readModelSet } from '../../adapters/bpmn/read-model.js';
import { CARD_STEPS, NAMED_STEPS, stepsOf } from '../../domain/deploy-gate/card-steps.js';
import { elements, extensions, isServiceLike, type El as ElementOfModel } from '../../domain/deploy-gate/model.js';
import { hasAllowedShape, looksPersonal, variableUses } from '../../domain/deploy-gate/variables.js';

type El = ElementOfModel;
type Bounds = { x: number; y: number; width: number; height: number };
type Diagram = {
  plane: {
    bpmnElement?: { id: string };
    planeElement?: { $type: string; bpmnElement?: { id: string }; bounds?: Bounds; label?: { bounds?: Bounds } }[];
  };
};

const bpmnFiles = modelFiles().filter((f) => f.endsWith('.bpmn'));
const formFiles = modelFiles().filter((f) => f.endsWith('.form'));

async function models() {
  const found: { file: string; processes: El[]; diagrams: Diagram[] }[] = [];
  for (const file of bpmnFiles) {
    const { rootElement } = await readModel(file);
    const processes = (rootElement.rootElements as unknown as El[]).filter((e) => e.$type === 'bpmn:Process');
    found.push({ file, processes, diagrams: (rootElement.diagrams ?? []) as unknown as Diagram[] });
  }
  return found;
}
const processes = async () => (await models()).flatMap((m) => m.processes);

const byId = (ps: El[], id: string) => elements(ps).find((e) => e.id === id);
const properties = (e: El) =>
  Object.fromEntries(extensions(e, 'camunda:Properties').flatMap((p) => p.values ?? []).map((p) => [p.name, p.value]));
const serviceTasks = (ps: El[]) => elements(ps).filter(isServiceLike);

/** Every variable name the models and the form use: conditions, timers, call-activity mappings, form fields. */
async function variableNames() {
  const forms = formFiles.map((f) => ({ name: path.basename(f), content: readFileSync(f, 'utf8') }));
  const set = await readModelSet([...bpmnFiles.map((f) => ({ name: path.basename(f), content: readFileSync(f, 'utf8') })), ...forms]);
  return [...new Set(variableUses(set).map((u) => u.name))];
}

// ---- tests ------------------------------------------------------------------------------------------------------

describe('the models in bpmn/', () => {
  it('give every external-task topic a worker, and every worker a topic in a model', async () => {
    const tasks = serviceTasks(await processes());
    for (const t of tasks) {
      expect(t.type, `${t.id} is an external task`).toBe('external');
      expect(t.topic, `${t.id} has a topic`).toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
    const topics = [...new Set(tasks.map((t) => t.topic!))].sort();
    const workerTopics = jobWorkers.map((w) => w.topic).sort();
    expect(new Set(workerTopics).size, 'one worker per topic').toBe(workerTopics.length);
    expect(topics).toEqual(workerTopics);
    // The deploy gate knows the topics from this list, not from the workers: it must name the same ones.
    expect([...Object.values(TOPICS)].sort()).toEqual(workerTopics);
  });

  it('give every external task the retries and back-off its worker reads, and the headers the workers expect', async () => {
    const tasks = serviceTasks(await processes());
    const headers: Record<string, Set<string>> = { template: new Set(), outcome: new Set() };
    for (const t of tasks) {
      const props = properties(t);
      expect(props.retries, t.id).toMatch(/^[1-9]\d*$/);
      expect(props.retryBackoff, t.id).toMatch(/^PT\d+[SM]$/);
      if (t.topic === 'notify-applicant') headers.template!.add(props.template);
      if (t.topic === 'registration-close') headers.outcome!.add(props.outcome);
    }
    expect([...headers.template!].sort()).toEqual(['registered', 'rejected']);
    expect([...headers.outcome!].sort()).toEqual(['expired', 'registered', 'rejected']);
  });

  it('hold the processes and user tasks the code refers to', async () => {
    const ps = await processes();
    expect(ps.map((p) => p.id).sort()).toEqual([PROCESS_ID, REVIEW_PROCESS_ID, CERTIFICATE_REQUEST_PROCESS_ID].sort());
    for (const p of ps) expect(p.isExecutable, p.id).toBe(true);
    // The RA clerks' check is Tasklist's alone, with its form, for their group.
    const raCheck = byId(ps, RA_TASK)!;
    expect([raCheck.candidateGroups, raCheck.formRef, raCheck.formRefBinding]).toEqual([RA_GROUP, 'ra-check', 'latest']);
    const userTasks = elements(ps).filter((e) => e.$type === 'bpmn:UserTask' && e.id !== RA_TASK);
    expect(userTasks.map((e) => e.id).sort()).toEqual(Object.values(USER_TASKS).sort());

    // The applicant's tasks are nobody's in the engine: only the applicant API completes them.
    for (const id of [USER_TASKS.applicantData, USER_TASKS.enterOtp]) {
      const t = byId(ps, id)!;
      expect([t.assignee, t.candidateUsers, t.candidateGroups, t.formKey, t.formRef], id).toEqual([undefined, undefined, undefined, undefined, undefined]);
    }
    const review = byId(ps, USER_TASKS.review)!;
    const formIds = formFiles.map((f) => (JSON.parse(readFileSync(f, 'utf8')) as { id: string }).id);
    expect([review.candidateGroups, review.assignee, review.formRefBinding]).toEqual([REVIEWER_GROUP, undefined, 'latest']);
    expect(formIds).toContain(review.formRef);
  });

  it('call the review process with the registration id as business key (a plain variable, not the execution), ids and the case\'s label only, asynchronously, and take back the decision', async () => {
    const call = byId(await processes(), 'Call_Review')!;
    expect(call.$type).toBe('bpmn:CallActivity');
    expect(call.calledElement).toBe(REVIEW_PROCESS_ID);
    expect(call.asyncBefore).toBe(true);
    const ins = extensions(call, 'camunda:In').map((m) => ({ source: m.source, target: m.target, businessKey: m.businessKey, variables: m.variables }));
    expect(ins).toEqual([
      { source: undefined, target: undefined, businessKey: '${registrationId}', variables: undefined },
      { source: 'registrationId', target: 'registrationId', businessKey: undefined, variables: undefined },
      { source: 'reviewReminder', target: 'reviewReminder', businessKey: undefined, variables: undefined },
      // The case's label for the staff (an organization's name, the tracking code, the review page's link): no personal data.
      { source: 'agencyName', target: 'agencyName', businessKey: undefined, variables: undefined },
      { source: 'trackingCode', target: 'trackingCode', businessKey: undefined, variables: undefined },
      { source: 'reviewUrl', target: 'reviewUrl', businessKey: undefined, variables: undefined },
    ]);
    expect(extensions(call, 'camunda:Out').map((m) => [m.source, m.target, m.variables])).toEqual([['reviewDecision', 'reviewDecision', undefined]]);
  });

  it('name every step of the card on an element or a flow, and only steps the card has', async () => {
    const names = elements(await processes()).map((e) => e.name);
    const steps = new Set(names.flatMap(stepsOf));
    for (const s of steps) expect(CARD_STEPS, `step ${s} is on the card`).toContain(s);
    expect(NAMED_STEPS.filter((s) => !steps.has(s)), 'card steps no element names').toEqual([]);
  });

  it('quote the card in the documentation of every numbered element, for each step its name gives', async () => {
    const numbered = elements(await processes()).filter((e) => stepsOf(e.name).length);
    expect(numbered.length).toBeGreaterThan(0);
    for (const e of numbered) {
      const doc = e.documentation?.map((d) => d.text).join(' ') ?? '';
      // A user task's documentation is its description in Tasklist, read by the staff: it quotes the card's Persian
      // original («…», "گام 10"); every other element the English rendering ("…", "Card step 10").
      const staffTask = e.$type === 'bpmn:UserTask' && !!e.candidateGroups;
      const [quote, step] = staffTask ? [/گام .*«.+»/, 'گام'] : [/Card step .*".+"/, 'Card step'];
      expect(doc, e.id).toMatch(quote);
      for (const s of stepsOf(e.name)) expect(doc, `${e.id} quotes step ${s}`).toMatch(new RegExp(`${step} ${s}(?![\\d-])`));
    }
  });

  it.each(bpmnFiles.map((f) => [path.basename(f), f]))('%s passes bpmnlint with the Camunda 7.24 rules', async (_name, file) => {
    const report = await lintModel(file);
    const errors = Object.entries(report).flatMap(([rule, issues]) => issues.filter((i) => i.category === 'error').map((i) => `${rule}: ${i.id} ${i.message}`));
    expect(errors).toEqual([]);
  });

  it.each(bpmnFiles.map((f) => [path.basename(f), f]))('%s targets Camunda 7 / Operaton and declares no other engine\'s extensions', (_name, file) => {
    const xml = readFileSync(file, 'utf8');
    const namespaces = [...xml.matchAll(/xmlns:([a-z]+)="/g)].map((m) => m[1]).sort();
    expect(namespaces).toEqual(['bpmn', 'bpmndi', 'camunda', 'dc', 'di', 'modeler', 'xsi']);
    expect(xml).toContain('xmlns:camunda="http://camunda.org/schema/1.0/bpmn"');
    expect(xml).toMatch(/modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7\.\d+\.\d+"/);
  });

  it('carry a diagram of every element of every process, and a history time to live the engine requires', async () => {
    for (const { file, processes: ps, diagrams } of await models()) {
      expect(diagrams.length, file).toBe(ps.length);
      for (const p of ps) {
        expect(p.historyTimeToLive, p.id).toMatch(/^(\d+|P\d+D)$/);
        const plane = diagrams.find((d) => d.plane.bpmnElement?.id === p.id)?.plane;
        expect(plane, `${p.id} has a diagram`).toBeDefined();
        const drawn = new Set(plane!.planeElement?.map((d) => d.bpmnElement?.id));
        expect(elements([p]).map((e) => e.id).filter((id) => !drawn.has(id)), `${p.id}: elements without a shape`).toEqual([]);
      }
    }
  });

  it('draw no label over another element or label: a flow\'s or an event\'s name written over a task hides the task\'s name', async () => {
    const overlaps = (a: Bounds, b: Bounds) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    for (const { file, diagrams } of await models()) {
      const drawn = diagrams.flatMap((d) => d.plane.planeElement ?? []);
      const shapes = drawn.filter((d) => d.$type === 'bpmndi:BPMNShape' && d.bounds);
      const labelled = drawn.filter((d) => d.label?.bounds);
      const covered = labelled.flatMap((d, i) => [
        ...shapes
          .filter((s) => s.bpmnElement?.id !== d.bpmnElement?.id && overlaps(d.label!.bounds!, s.bounds!))
          .map((s) => `${d.bpmnElement?.id}'s label over ${s.bpmnElement?.id}`),
        ...labelled
          .slice(i + 1)
          .filter((o) => overlaps(d.label!.bounds!, o.label!.bounds!))
          .map((o) => `${d.bpmnElement?.id}'s label over ${o.bpmnElement?.id}'s`),
      ]);
      expect(covered, file).toEqual([]);
    }
  });

  it('keep personal data out of the engine: variables are ids, counters and outcome codes', async () => {
    const names = await variableNames();
    expect(names).toEqual(expect.arrayContaining(['registrationId', 'captchaOutcome', 'reviewDecision', 'applicantTimeout', 'decision']));
    for (const n of names) {
      expect(looksPersonal(n), `${n} is personal data`).toBe(false);
      expect(hasAllowedShape(n), `${n}: an id, counter, outcome code or duration`).toBe(true);
    }
  });
});

describe('the form review-decision', () => {
  const form = JSON.parse(readFileSync(formFiles.find((f) => path.basename(f) === 'review-decision.form')!, 'utf8')) as {
    id: string;
    executionPlatform: string;
    executionPlatformVersion: string;
    schemaVersion: number;
    components: { key?: string; type: string; validate?: { required?: boolean }; conditional?: { hide?: string }; values?: { value: string }[] }[];
  };
  const field = (key: string) => form.components.find((c) => c.key === key);

  it('is a Camunda Form for Camunda 7 / Operaton, in a schema the Operaton 1.0.3 Tasklist (form-js 1.8.8) renders', () => {
    expect([form.id, form.executionPlatform, form.executionPlatformVersion]).toEqual(['review-decision', 'Camunda Platform', '7.24.0']);
    expect(form.schemaVersion).toBeLessThanOrEqual(16);
  });

  it('asks for a decision, and a reason only when rejecting', () => {
    expect(field('decision')).toMatchObject({ type: 'radio', validate: { required: true } });
    expect(field('decision')!.values!.map((v) => v.value)).toEqual(['approve', 'reject']);
    expect(field('rejectionReason')).toMatchObject({ type: 'select', conditional: { hide: '=decision != "reject"' } });
    expect(field('rejectionReason')!.values!.map((v) => v.value)).toEqual(['letter_unsigned', 'letter_mismatch', 'agency_not_eligible', 'representative_not_authorized']);
  });

  it('takes no free text into the engine: "other", which needs the reviewer\'s words, is left to the review page, and the form says so', () => {
    expect(form.components.filter((c) => c.key).map((c) => c.key)).toEqual(['decision', 'rejectionReason']);
    const note = form.components.find((c) => c.type === 'text' && c.conditional?.hide === '=decision != "reject"') as { text?: string } | undefined;
    expect(note?.text).toContain('({{reviewUrl}})');
    expect(note?.text).toContain('سایر موارد');
  });
});
