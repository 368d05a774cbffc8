import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineAs, engineAsAdmin, staffInEngine, type EngineAs } from '../support/engine-as.js';
import { useEngineStack } from '../support/lifecycle.js';

// What each staff role can read and change in the engine, asked of the engine's REST API with the
// role's own name and password, as Cockpit and Tasklist ask it.

const ctx = useEngineStack();
const key = `access-${randomUUID()}`;
const certKey = `access-cert-${randomUUID()}`;
let registration: string;
let review: string;
let certificate: string;
let owner: EngineAs;
let supervisor: EngineAs;
let reviewer: EngineAs;
let clerk: EngineAs;
let service: EngineAs;

const ids = (answer: { body: unknown }) => (answer.body as { id: string }[]).map((x) => x.id);

beforeAll(async () => {
  const { engine, config } = ctx.stack;
  service = engineAs(config.ENGINE_USER, config.ENGINE_PASSWORD);
  // given: a registration waiting for the applicant, its review waiting for a reviewer, a certificate request
  registration = (
    await engine.start('agency-registration', key, {
      registrationId: key,
      applicantTimeout: 'P3D',
      otpTimeout: 'PT15M',
      reviewReminder: 'P2D',
    })
  ).id;
  review = (
    await engine.start('agency-registration-review', key, {
      registrationId: key,
      reviewReminder: 'P2D',
      agencyName: 'دستگاه آزمایشی',
      trackingCode: '1000001',
    })
  ).id;
  certificate = (
    await engine.start('certificate-request', certKey, {
      requestId: certKey,
      requestAction: 'issue',
      agencyName: 'دستگاه آزمایشی',
      trackingCode: '1000001',
    })
  ).id;
  // and an incident on the registration, with a failing system's message, as a worker's last failure leaves one
  const [execution] = (await service.get(`/execution?processInstanceId=${registration}&activityId=Task_ApplicantData`))
    .body;
  expect(
    (
      await service.post(`/execution/${execution.id}/create-incident`, {
        incidentType: 'failedExternalTask',
        message: 'PGSB_TIMEOUT: access test',
      })
    ).status,
  ).toBe(200);
  owner = await staffInEngine(ctx.stack.db, 'process-owner');
  supervisor = await staffInEngine(ctx.stack.db, 'supervisor');
  reviewer = await staffInEngine(ctx.stack.db, 'reviewer');
  clerk = await staffInEngine(ctx.stack.db, 'ra-clerk');
});

afterAll(async () => {
  for (const id of [registration, review, certificate])
    if (id) await ctx.stack.engine.cancel(id).catch(() => undefined);
});

describe('nobody but the service account deploys through the engine REST API', () => {
  it.each(['process-owner', 'supervisor', 'reviewer', 'ra-clerk'] as const)(
    "a %s's POST /deployment/create with their own password is refused (403)",
    async (role) => {
      const who = { 'process-owner': owner, supervisor, reviewer, 'ra-clerk': clerk }[role];
      const xml = await readFile('bpmn/agency-registration.bpmn', 'utf8');
      const answer = await who.deploy(`access-test-${role}`, xml);
      expect(answer.status).toBe(403);
      expect(answer.body.type).toBe('AuthorizationException');
      expect((await who.get('/deployment?nameLike=access-test%25')).body).toEqual([]);
    },
  );
});

describe('a process owner reads the definitions, and nothing of the instances', () => {
  it('migrates nothing through the engine (the modeler page migrates as the service account)', async () => {
    const [definition] = (await owner.get('/process-definition?key=agency-registration&latestVersion=true')).body;
    const answer = await owner.post('/migration/execute', {
      migrationPlan: {
        sourceProcessDefinitionId: definition.id,
        targetProcessDefinitionId: definition.id,
        instructions: [{ sourceActivityIds: ['Task_ApplicantData'], targetActivityIds: ['Task_ApplicantData'] }],
      },
      processInstanceIds: [registration],
    });
    expect(answer.status).toBe(403);
  });

  it('sees both registration processes, their diagrams and deployments', async () => {
    const defs = await owner.get('/process-definition?latestVersion=true');
    expect((defs.body as { key: string }[]).map((d) => d.key).sort()).toEqual([
      'agency-registration',
      'agency-registration-review',
    ]);
    expect((await owner.get('/process-definition/key/agency-registration/xml')).status).toBe(200);
    expect((await owner.get('/deployment')).body.length).toBeGreaterThan(0);
  });

  it('reads no instance, variable, task, incident or history', async () => {
    for (const path of [
      `/process-instance?businessKey=${key}`,
      `/variable-instance?processInstanceIdIn=${registration}`,
      `/task?processInstanceBusinessKey=${key}`,
      `/incident?processInstanceId=${registration}`,
      `/history/process-instance?processInstanceBusinessKey=${key}`,
      `/history/variable-instance?processInstanceId=${registration}`,
      `/history/activity-instance?processInstanceId=${registration}`,
      `/history/task?processInstanceBusinessKey=${key}`,
      `/history/incident?processInstanceId=${registration}`,
    ])
      expect(await owner.get(path), path).toEqual({ status: 200, body: [] });
    expect((await owner.get(`/process-instance/${registration}/variables`)).status).toBe(403);
  });
});

describe('a supervisor watches the registration process read-only', () => {
  it('reads its instances, their variables, incidents and history', async () => {
    expect(ids(await supervisor.get(`/process-instance?businessKey=${key}`)).sort()).toEqual(
      [registration, review].sort(),
    );
    expect((await supervisor.get(`/process-instance/${registration}/variables`)).body).toHaveProperty(
      'registrationId.value',
      key,
    );
    const incidents = (await supervisor.get(`/incident?processInstanceId=${registration}`)).body;
    expect(incidents.map((i: { incidentMessage: string }) => i.incidentMessage)).toEqual(['PGSB_TIMEOUT: access test']);
    expect(ids(await supervisor.get(`/history/process-instance?processInstanceBusinessKey=${key}`)).sort()).toEqual(
      [registration, review].sort(),
    );
    const tasks = (await supervisor.get(`/history/task?processInstanceId=${review}`)).body;
    expect(tasks.map((t: { taskDefinitionKey: string }) => t.taskDefinitionKey)).toEqual(['Task_Review']);
    expect((await supervisor.get(`/history/variable-instance?processInstanceId=${registration}`)).body.length).toBe(4);
  });

  it("does not see the registration office's certificate requests", async () => {
    expect((await supervisor.get('/process-definition?key=certificate-request')).body).toEqual([]);
    expect((await supervisor.get(`/process-instance?businessKey=${certKey}`)).body).toEqual([]);
    expect((await supervisor.get(`/history/process-instance?processInstanceBusinessKey=${certKey}`)).body).toEqual([]);
  });

  it('changes nothing: no variable, cancellation, suspension, start, retry or task', async () => {
    const refused = [
      await supervisor.put(`/process-instance/${registration}/variables/registrationId`, {
        value: 'x',
        type: 'String',
      }),
      await supervisor.put(`/process-instance/${registration}/suspended`, { suspended: true }),
      await supervisor.delete(`/process-instance/${registration}`),
      await supervisor.post('/process-definition/key/agency-registration/start', { businessKey: 'x' }),
      await supervisor.put(
        `/incident/${(await service.get(`/incident?processInstanceId=${registration}`)).body[0].id}/annotation`,
        {
          annotation: 'x',
        },
      ),
      await supervisor.post(`/task/${(await service.get(`/task?processInstanceId=${review}`)).body[0].id}/claim`, {
        userId: supervisor.username,
      }),
    ];
    expect(refused.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403]);
    expect((await service.get(`/process-instance/${registration}`)).body).toMatchObject({
      suspended: false,
      ended: false,
    });
  });

  it('reads no other users or groups than their own, and manages none', async () => {
    expect(ids(await supervisor.get('/user'))).toEqual([supervisor.username]);
    expect(ids(await supervisor.get('/group'))).toEqual(['performance-office']);
    expect(
      (
        await supervisor.post('/user/create', {
          profile: { id: `x${randomUUID().slice(0, 6)}` },
          credentials: { password: 'a long password here' },
        })
      ).status,
    ).toBe(403);
    expect((await supervisor.put('/group/performance-office/members/admin', {})).status).toBe(403);
    expect(
      (await supervisor.get('/authorization')).body.every((a: { userId: string }) => a.userId === supervisor.username),
    ).toBe(true);
  });
});

describe('a reviewer reads what Tasklist shows them of the reviews, and nothing else', () => {
  it("reads the open review's task and the review's variables (Tasklist's columns), nothing of the registration", async () => {
    const [task] = (await reviewer.get(`/task?processInstanceBusinessKey=${key}`)).body;
    expect(task).toMatchObject({ taskDefinitionKey: 'Task_Review', processInstanceId: review });
    expect(ids(await reviewer.get(`/process-instance?businessKey=${key}`))).toEqual([review]);
    expect((await reviewer.get(`/process-instance/${review}/variables`)).body).toHaveProperty(
      'trackingCode.value',
      '1000001',
    );
    expect((await reviewer.get(`/process-instance/${registration}/variables`)).status).toBe(403);
    for (const path of [
      `/variable-instance?processInstanceIdIn=${registration}`,
      `/incident?processInstanceId=${registration}`,
      `/history/process-instance?processInstanceBusinessKey=${key}`,
      `/history/variable-instance?processInstanceId=${review}`,
      `/history/task?processInstanceBusinessKey=${key}`,
      `/process-instance?businessKey=${certKey}`,
      `/task?processInstanceBusinessKey=${certKey}`,
    ])
      expect(await reviewer.get(path), path).toEqual({ status: 200, body: [] });
  });

  it('opens Tasklist only, and reads no other user or group', async () => {
    const apps = (await engineAsAdmin().get('/authorization?groupIdIn=it-office-reviewers&resourceType=0')).body as {
      resourceId: string;
    }[];
    expect(apps.map((a) => a.resourceId)).toEqual(['tasklist']);
    expect(ids(await reviewer.get('/user'))).toEqual([reviewer.username]);
    expect(ids(await reviewer.get('/group'))).toEqual(['it-office-reviewers']);
  });
});

describe("an administrator's REVOKE in Admin takes effect", () => {
  it("a revoke of one supervisor's READ_INSTANCE on the registration process hides its instances from them; deleting it shows them again", async () => {
    const admin = engineAsAdmin();
    const revoke = await admin.post('/authorization/create', {
      type: 2,
      permissions: ['READ_INSTANCE'],
      userId: supervisor.username,
      resourceType: 6,
      resourceId: 'agency-registration',
    });
    expect(revoke.status).toBe(200);
    try {
      expect(ids(await supervisor.get(`/process-instance?businessKey=${key}`))).toEqual([review]);
    } finally {
      await admin.delete(`/authorization/${revoke.body.id}`);
    }
    expect(ids(await supervisor.get(`/process-instance?businessKey=${key}`)).sort()).toEqual(
      [registration, review].sort(),
    );
  });
});

describe("a group's REVOKE in Admin, as the README says it works", () => {
  it("takes away from the group's grant on all resources (*), and not from the group's grant on the very resource", async () => {
    const admin = engineAsAdmin();
    const deployments = ids(await supervisor.get('/deployment'));
    expect(deployments.length).toBeGreaterThan(0);
    const onOne = await admin.post('/authorization/create', {
      type: 2,
      permissions: ['READ'],
      groupId: 'performance-office',
      resourceType: 9,
      resourceId: deployments[0],
    });
    const onGranted = await admin.post('/authorization/create', {
      type: 2,
      permissions: ['READ_INSTANCE'],
      groupId: 'performance-office',
      resourceType: 6,
      resourceId: 'agency-registration',
    });
    try {
      expect(ids(await supervisor.get('/deployment'))).not.toContain(deployments[0]);
      expect(ids(await supervisor.get(`/process-instance?businessKey=${key}`))).toContain(registration);
    } finally {
      for (const r of [onOne, onGranted]) await admin.delete(`/authorization/${r.body.id}`);
    }
  });
});

describe('a registration-office clerk (npm run staff -- add … --role ra-clerk) works on certificate requests only', () => {
  it('is a member of ra-clerks, sees its Tasklist filter and claims the RA check as a candidate', async () => {
    expect(ids(await clerk.get('/group'))).toEqual(['ra-clerks']);
    const filters = (await clerk.get('/filter?resourceType=Task')).body as { name: string }[];
    expect(filters.map((f) => f.name)).toEqual(['درخواست‌های گواهی در انتظار دفتر ثبت‌نام']);
    const [task] = (await clerk.get(`/task?processInstanceBusinessKey=${certKey}`)).body;
    expect(task).toMatchObject({ taskDefinitionKey: 'Task_RaCheck' });
    expect((await clerk.post(`/task/${task.id}/claim`, { userId: clerk.username })).status).toBe(204);
  });

  it('reads nothing of the agency registrations, their reviews or their history', async () => {
    expect((await clerk.get('/process-definition?key=agency-registration')).body).toEqual([]);
    for (const path of [
      `/process-instance?businessKey=${key}`,
      `/task?processInstanceBusinessKey=${key}`,
      `/history/process-instance?processInstanceBusinessKey=${key}`,
      `/history/variable-instance?processInstanceId=${registration}`,
    ])
      expect(await clerk.get(path), path).toEqual({ status: 200, body: [] });
  });

  it('changes no variable, cancels nothing, starts nothing and opens no Cockpit', async () => {
    const refused = [
      await clerk.put(`/process-instance/${certificate}/variables/requestId`, { value: 'x', type: 'String' }),
      await clerk.delete(`/process-instance/${certificate}`),
      await clerk.post('/process-definition/key/certificate-request/start', { businessKey: 'x' }),
    ];
    expect(refused.map((r) => r.status)).toEqual([403, 403, 403]);
    const apps = (await engineAsAdmin().get(`/authorization?groupIdIn=ra-clerks&resourceType=0`)).body as {
      resourceId: string;
    }[];
    expect(apps.map((a) => a.resourceId)).toEqual(['tasklist']);
  });
});
