import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROCESS_ID, REVIEW_PROCESS_ID, USER_TASK_JOB_TYPE, USER_TASKS } from '../../adapters/camunda/process-model.js';
import { lintModel, modelFiles, readModel } from '../../ops/bpmn-models.js';
import { jobWorkers } from '../../workers/index.js';

type El = { $type: string; id: string; name?: string; documentation?: { text: string }[]; extensionElements?: { values: { $type: string; type?: string }[] }; flowElements?: El[] };

async function processes() {
  const found: El[] = [];
  for (const file of modelFiles().filter((f) => f.endsWith('.bpmn'))) {
    const { rootElement } = await readModel(file);
    found.push(...(rootElement.rootElements as unknown as El[]).filter((e) => e.$type === 'bpmn:Process'));
  }
  return found;
}

const elements = (ps: El[]) => ps.flatMap((p) => p.flowElements ?? []);
const serviceTaskTypes = (ps: El[]) =>
  new Set(elements(ps).flatMap((e) => e.extensionElements?.values.filter((v) => v.$type === 'zeebe:TaskDefinition').map((v) => v.type!) ?? []));

describe('the models in bpmn/', () => {
  it('give every service task type a worker, and every worker a task in a model', async () => {
    const ps = await processes();
    const modelTypes = serviceTaskTypes(ps);
    if (elements(ps).some((e) => e.$type === 'bpmn:UserTask')) modelTypes.add(USER_TASK_JOB_TYPE);

    expect([...modelTypes].sort()).toEqual(jobWorkers.map((w) => w.taskType).sort());
  });

  it('hold the processes and user tasks the code refers to', async () => {
    const ps = await processes();
    expect(ps.map((p) => p.id).sort()).toEqual([PROCESS_ID, REVIEW_PROCESS_ID].sort());
    const userTasks = elements(ps).filter((e) => e.$type === 'bpmn:UserTask').map((e) => e.id);
    expect(userTasks.sort()).toEqual(Object.values(USER_TASKS).sort());
  });

  it('name the card\'s steps on every task of the registration process, with the card quoted in its documentation', async () => {
    const [registration] = (await processes()).filter((p) => p.id === PROCESS_ID);
    const cardSteps = registration!.flowElements!.filter((e) => /Task$/.test(e.$type) && !e.name?.startsWith('Record'));
    for (const e of cardSteps) {
      expect(e.name, e.id).toMatch(/^\d+(-\d+)?(–\d+)?( · \d+-\d+)? · |^Tell the applicant/);
    }
    const numbered = registration!.flowElements!.filter((e) => /^\d/.test(e.name ?? '') && !/Gateway|SequenceFlow/.test(e.$type));
    for (const e of numbered) expect(e.documentation?.[0]?.text, e.id).toMatch(/Card step/);
  });

  it.each(modelFiles().filter((f) => f.endsWith('.bpmn')).map((f) => [path.basename(f), f]))('%s passes bpmnlint with the Camunda 8.6 rules', async (_name, file) => {
    const report = await lintModel(file);
    const errors = Object.entries(report).flatMap(([rule, issues]) => issues.filter((i) => i.category === 'error').map((i) => `${rule}: ${i.id} ${i.message}`));
    expect(errors).toEqual([]);
  });

  it('carry a diagram for every process, so they open laid out in Camunda Modeler', async () => {
    for (const file of modelFiles().filter((f) => f.endsWith('.bpmn'))) {
      const { rootElement } = await readModel(file);
      expect((rootElement as unknown as { diagrams?: unknown[] }).diagrams?.length, file).toBe(1);
    }
  });
});
