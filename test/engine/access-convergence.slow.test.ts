import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine, stopEngine } from '../../ops/engine/process.js';
import { engineSettings } from '../../ops/engine/settings.js';
import { engineAsAdmin, staffInEngine, type EngineAs } from '../support/engine-as.js';
import { useEngineStack } from '../support/lifecycle.js';

// The grants of the groups AccessProvisioning manages converge on the code at every start; other
// groups' and users' authorizations, and revokes, are left as Admin set them.

const settings = engineSettings();
// Only an engine this project started (it has our pid file) can be restarted by the test.
const ownEngine = existsSync(settings.pidFile);
const quiet = () => undefined;
const ctx = useEngineStack();
const admin = engineAsAdmin();
const made: string[] = [];
let owner: EngineAs;
let otherGroup: string;

const DEPLOYMENT = 9;
const PROCESS_DEFINITION = 6;

/** Admin's "create authorization": its id. */
async function authorize(body: Record<string, unknown>) {
  const answer = await admin.post('/authorization/create', body);
  expect(answer.status).toBe(200);
  made.push(answer.body.id);
  return answer.body.id as string;
}

const exists = async (id: string) => (await admin.get(`/authorization/${id}`)).status === 200;
const mayDeploy = async (who: EngineAs) =>
  (await who.get(`/authorization/check?permissionName=CREATE&resourceName=Deployment&resourceType=${DEPLOYMENT}`)).body
    .authorized as boolean;

beforeAll(async () => {
  owner = await staffInEngine(ctx.stack.db, 'process-owner');
  otherGroup = `conv-${randomUUID().slice(0, 8)}`;
  expect(
    (await admin.post('/group/create', { id: otherGroup, name: 'Not managed by the code', type: 'WORKFLOW' })).status,
  ).toBe(204);
});

afterAll(async () => {
  for (const id of made) await admin.delete(`/authorization/${id}`);
  await admin.delete(`/group/${otherGroup}`);
});

describe.skipIf(!ownEngine)('provisioning converges at every start', () => {
  it("a grant added to a managed group is gone after a restart; other groups' and users' grants and revokes stay", async () => {
    // given: in Admin, process owners get DEPLOYMENT CREATE back on their grant, and a new grant on the RA's process
    const ownersDeployment = (
      await admin.get(`/authorization?groupIdIn=process-owners&resourceType=${DEPLOYMENT}&resourceId=*`)
    ).body[0];
    expect(
      (
        await admin.put(`/authorization/${ownersDeployment.id}`, {
          ...ownersDeployment,
          permissions: ['READ', 'CREATE'],
        })
      ).status,
    ).toBe(204);
    const ownersExtra = await authorize({
      type: 1,
      permissions: ['READ', 'READ_INSTANCE'],
      groupId: 'process-owners',
      resourceType: PROCESS_DEFINITION,
      resourceId: 'certificate-request',
    });
    // and grants of a group and a user the code does not manage, and a revoke on a managed group
    const otherGroupGrant = await authorize({
      type: 1,
      permissions: ['READ'],
      groupId: otherGroup,
      resourceType: DEPLOYMENT,
      resourceId: '*',
    });
    const userGrant = await authorize({
      type: 1,
      permissions: ['READ'],
      userId: owner.username,
      resourceType: PROCESS_DEFINITION,
      resourceId: 'certificate-request',
    });
    const groupRevoke = await authorize({
      type: 2,
      permissions: ['READ'],
      groupId: 'process-owners',
      resourceType: DEPLOYMENT,
      resourceId: 'no-such-deployment',
    });
    expect(await mayDeploy(owner)).toBe(true);

    // when: the engine starts again
    await stopEngine(settings, quiet);
    await startEngine(settings, quiet);

    // then: the managed groups have what the code gives them, nothing more
    expect(await exists(ownersExtra)).toBe(false);
    expect(await mayDeploy(owner)).toBe(false);
    expect((await admin.get(`/authorization/${ownersDeployment.id}`)).body.permissions).toEqual(['READ']);
    // and the rest is as Admin left it
    expect([await exists(otherGroupGrant), await exists(userGrant), await exists(groupRevoke)]).toEqual([
      true,
      true,
      true,
    ]);
  }, 240_000);

  it('a review task made while candidates had UPDATE keeps its candidates, with TASK_WORK instead', async () => {
    // given: an open review task whose candidates' grant has UPDATE, as the engine gave before TASK_WORK
    const key = randomUUID();
    const instance = await ctx.stack.engine.start('agency-registration-review', key, {
      registrationId: key,
      reviewReminder: 'P2D',
      agencyName: 'دستگاه آزمایشی',
      trackingCode: '1000001',
    });
    try {
      const [task] = (await admin.get(`/task?processInstanceId=${instance.id}`)).body;
      const [grant] = (
        await admin.get(`/authorization?groupIdIn=it-office-reviewers&resourceType=7&resourceId=${task.id}`)
      ).body;
      expect(grant.permissions.sort()).toEqual(['READ', 'TASK_WORK']);
      expect(
        (await admin.put(`/authorization/${grant.id}`, { ...grant, permissions: ['READ', 'UPDATE'] })).status,
      ).toBe(204);

      // when: the engine starts again
      await stopEngine(settings, quiet);
      await startEngine(settings, quiet);

      // then
      expect((await admin.get(`/authorization/${grant.id}`)).body.permissions.sort()).toEqual(['READ', 'TASK_WORK']);
      const reviewer = await staffInEngine(ctx.stack.db, 'reviewer');
      expect(
        (await reviewer.put(`/task/${task.id}/variables/registrationId`, { value: 'x', type: 'String' })).status,
      ).toBe(403);
    } finally {
      await ctx.stack.engine.cancel(instance.id);
    }
  }, 240_000);
});
