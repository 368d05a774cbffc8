import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffIdentity } from '../../adapters/engine/connect.js';
import { deployToolModels } from '../../adapters/engine/deploy-models.js';
import { createAuditRepo } from '../../db/audit-repo.js';
import { engineAs, staffInEngine, type EngineAs } from '../support/engine-as.js';
import { useEngineStack } from '../support/lifecycle.js';

// A candidate of a user task works on it only through its form (Tasklist's default task permission
// TASK_WORK, and the engine's check of a completion against the task's Camunda Form), asked of the
// engine's REST API with the candidate's own name and password.

const ctx = useEngineStack();
let service: EngineAs;
const started: string[] = [];

beforeAll(() => {
  const { config } = ctx.stack;
  service = engineAs(config.ENGINE_USER, config.ENGINE_PASSWORD);
});

afterAll(async () => {
  for (const id of started) await ctx.stack.engine.cancel(id).catch(() => undefined);
});

/** An instance started as the API starts it, and its one open user task. */
async function waitingTask(processKey: string, businessKey: string, variables: Record<string, string>) {
  const instance = await ctx.stack.engine.start(processKey, businessKey, variables);
  started.push(instance.id);
  const [task] = (await service.get(`/task?processInstanceId=${instance.id}`)).body;
  return { processInstanceId: instance.id, taskId: task.id as string };
}

const variablesOf = async (processInstanceId: string) =>
  Object.fromEntries(
    Object.entries((await service.get(`/process-instance/${processInstanceId}/variables`)).body).map(([k, v]) => [
      k,
      (v as { value: unknown }).value,
    ]),
  );

const value = (v: unknown) => ({ value: v, type: typeof v === 'string' ? 'String' : 'Object' });

/** What a candidate may not do to a task or its instance, however the REST API is asked. */
async function changesOutsideTheForm(who: EngineAs, taskId: string, processInstanceId: string, name: string) {
  return {
    putTaskVariable: (await who.put(`/task/${taskId}/variables/${name}`, value('other'))).status,
    postTaskVariables: (await who.post(`/task/${taskId}/variables`, { modifications: { [name]: value('other') } }))
      .status,
    putLocalVariable: (await who.put(`/task/${taskId}/localVariables/note`, value('Sara, 0012345678'))).status,
    postLocalVariables: (await who.post(`/task/${taskId}/localVariables`, { modifications: { note: value('x') } }))
      .status,
    putInstanceVariable: (await who.put(`/process-instance/${processInstanceId}/variables/${name}`, value('other')))
      .status,
    updateTask: (await who.put(`/task/${taskId}`, { name: 'renamed', priority: 99 })).status,
    assignOther: (await who.post(`/task/${taskId}/assignee`, { userId: 'admin' })).status,
    bpmnError: (await who.post(`/task/${taskId}/bpmnError`, { errorCode: 'anything' })).status,
    comment: (await who.post(`/task/${taskId}/comment/create`, { message: 'Sara Ahmadi, 0012345678' })).status,
  };
}

describe('a reviewer works on a review task only through its form', () => {
  let reviewer: EngineAs;
  let review: { processInstanceId: string; taskId: string };
  const registrationId = randomUUID();

  beforeAll(async () => {
    reviewer = await staffInEngine(ctx.stack.db, 'reviewer');
    review = await waitingTask('agency-registration-review', registrationId, {
      registrationId,
      reviewReminder: 'P2D',
      agencyName: 'دستگاه آزمایشی',
      trackingCode: '1000001',
    });
  });

  it('claims it, and sets no variable, name, assignee, error or comment outside a completion', async () => {
    expect((await reviewer.post(`/task/${review.taskId}/claim`, { userId: reviewer.username })).status).toBe(204);
    expect(await changesOutsideTheForm(reviewer, review.taskId, review.processInstanceId, 'registrationId')).toEqual({
      putTaskVariable: 403,
      postTaskVariables: 403,
      putLocalVariable: 403,
      postLocalVariables: 403,
      putInstanceVariable: 403,
      updateTask: 403,
      assignOther: 403,
      bpmnError: 400,
      comment: 400,
    });
    expect(await variablesOf(review.processInstanceId)).toEqual({
      registrationId,
      reviewReminder: 'P2D',
      agencyName: 'دستگاه آزمایشی',
      trackingCode: '1000001',
    });
    expect((await service.get(`/task/${review.taskId}/comment`)).body).toEqual([]);
  });

  it.each([
    [
      'another registration id',
      { decision: 'approve', registrationId: randomUUID() },
      "'registrationId' is not a field",
    ],
    ['a variable of its own', { decision: 'approve', note: 'Sara Ahmadi, 0012345678' }, "'note' is not a field"],
    ['a decision the form does not offer', { decision: 'maybe' }, "'decision' is not one of the form's choices"],
    [
      '"other", which only the review page takes',
      { decision: 'reject', rejectionReason: 'other' },
      "'rejectionReason'",
    ],
  ])('a completion with %s is refused with 400, and the task stays open', async (_, variables, problem) => {
    const engineVariables = Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, value(v)]));
    for (const path of ['complete', 'submit-form']) {
      const answer = await reviewer.post(`/task/${review.taskId}/${path}`, { variables: engineVariables });
      expect(answer.status, path).toBe(400);
      expect(answer.body.message).toContain('task_variables_refused');
      expect(answer.body.message).toContain(problem);
    }
    expect((await service.get(`/task/${review.taskId}`)).status).toBe(200);
    expect(await variablesOf(review.processInstanceId)).toEqual({
      registrationId,
      reviewReminder: 'P2D',
      agencyName: 'دستگاه آزمایشی',
      trackingCode: '1000001',
    });
  });

  it("the form's own fields complete it, as Tasklist submits them", async () => {
    const answer = await reviewer.post(`/task/${review.taskId}/submit-form`, {
      variables: { decision: value('reject'), rejectionReason: value('letter_unsigned') },
    });
    expect(answer.status).toBe(204);
    const [done] = (await service.get(`/history/task?taskId=${review.taskId}`)).body;
    expect(done).toMatchObject({ deleteReason: 'completed', assignee: reviewer.username });
  });
});

describe("a registration office clerk works on a certificate request's check only through its form", () => {
  let clerk: EngineAs;
  let check: { processInstanceId: string; taskId: string };
  const requestId = randomUUID();

  beforeAll(async () => {
    const { config } = ctx.stack;
    const username = `ra${randomUUID().slice(0, 8)}`;
    await staffIdentity(config).addUser(username, 'checking documents all day', 'ra-clerks');
    clerk = engineAs(username, 'checking documents all day');
    // The request's row, as the RA desk writes it before starting the process: the decision is recorded on it.
    await ctx.stack.db('certificate_requests').insert({
      id: requestId,
      action: 'issue',
      kind: 'seal-government',
      common_name: 'دستگاه آزمایشی',
    });
    check = await waitingTask('certificate-request', requestId, {
      requestId,
      requestAction: 'issue',
      agencyName: 'دستگاه آزمایشی',
      trackingCode: '1000001',
    });
  });

  it('cannot turn an issue into a revocation or point it at another request', async () => {
    expect(await changesOutsideTheForm(clerk, check.taskId, check.processInstanceId, 'requestAction')).toMatchObject({
      putTaskVariable: 403,
      postTaskVariables: 403,
      putInstanceVariable: 403,
      bpmnError: 400,
    });
    for (const variables of [
      { raDecision: value('approve'), requestAction: value('revoke') },
      { raDecision: value('approve'), requestId: value(randomUUID()) },
    ])
      expect((await clerk.post(`/task/${check.taskId}/submit-form`, { variables })).status).toBe(400);
    expect(await variablesOf(check.processInstanceId)).toEqual({
      requestId,
      requestAction: 'issue',
      agencyName: 'دستگاه آزمایشی',
      trackingCode: '1000001',
    });
  });

  it('refuses the request with the form, with a listed reason, and the instance ends as refused', async () => {
    expect(
      (
        await clerk.post(`/task/${check.taskId}/submit-form`, {
          variables: { raDecision: value('reject'), raRejectionReason: value('documents_invalid') },
        })
      ).status,
    ).toBe(204);
    await ctx.stack.eventually(
      async () =>
        (await service.get(`/history/process-instance?processInstanceId=${check.processInstanceId}`)).body[0]?.state,
      (state) => state === 'COMPLETED',
    );
    expect(await ctx.stack.db('certificate_requests').where({ id: requestId }).first()).toMatchObject({
      status: 'rejected',
      rejection_reason: 'documents_invalid',
    });
    const ends = (
      await service.get(
        `/history/activity-instance?processInstanceId=${check.processInstanceId}&activityType=noneEndEvent`,
      )
    ).body;
    expect(ends.map((a: { activityId: string }) => a.activityId)).toEqual(['End_Refused']);
  });
});

describe('a task a model gives no Camunda Form (an embedded form key) takes no variable from a person', () => {
  let reviewer: EngineAs;
  let task: { processInstanceId: string; taskId: string };
  let deploymentId: string;
  const key = `no-form-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    reviewer = await staffInEngine(ctx.stack.db, 'reviewer');
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://payam.iran.ir/test">
  <bpmn:process id="${key}" name="A task without a Camunda Form" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="Task_Embedded" />
    <bpmn:userTask id="Task_Embedded" name="Check" camunda:formKey="embedded:app:forms/check.html" camunda:candidateGroups="it-office-reviewers" />
    <bpmn:sequenceFlow id="f2" sourceRef="Task_Embedded" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
    deploymentId = (
      await deployToolModels(ctx.stack.engine, { audit: createAuditRepo(ctx.stack.db), actor: 'test' }, key, [
        { name: `${key}.bpmn`, content: xml },
      ])
    ).id;
    const caseId = randomUUID();
    task = await waitingTask(key, caseId, { registrationId: caseId });
    expect((await reviewer.post(`/task/${task.taskId}/claim`, { userId: reviewer.username })).status).toBe(204);
  });

  afterAll(() => service.delete(`/deployment/${deploymentId}?cascade=true`));

  it('a completion with variables, or a BPMN error, is refused with 400; the task stays open and the instance keeps its variables', async () => {
    for (const path of ['complete', 'submit-form']) {
      const answer = await reviewer.post(`/task/${task.taskId}/${path}`, {
        variables: { decision: value('approve'), note: value('Sara Ahmadi, 0012345678') },
      });
      expect(answer.status, path).toBe(400);
      expect(answer.body.message).toContain("'note' is refused: the task has no form");
    }
    expect((await reviewer.post(`/task/${task.taskId}/bpmnError`, { errorCode: 'anything' })).status).toBe(400);
    expect((await service.get(`/task/${task.taskId}`)).status).toBe(200);
    expect(Object.keys(await variablesOf(task.processInstanceId))).toEqual(['registrationId']);
  });

  it('a completion without variables completes it', async () => {
    expect((await reviewer.post(`/task/${task.taskId}/complete`, {})).status).toBe(204);
  });
});
