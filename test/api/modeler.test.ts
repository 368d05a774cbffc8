import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployModels } from '../../adapters/engine/deploy-models.js';
import { createAuditRepo } from '../../db/audit-repo.js';
import { PROCESS_ID } from '../../adapters/engine/process-model.js';
import { bpmnDir } from '../../adapters/bpmn/model-files.js';
import { useApiOnStack } from '../support/lifecycle.js';
import { staffToken, withToken } from '../support/staff.js';

const ctx = useApiOnStack();
let owner: string;
let reviewer: string;
type Version = { id: string; key: string; version: number; source: string | null; instances: number };

beforeAll(async () => {
  owner = await staffToken(ctx.app, ctx.stack.db, 'process-owner');
  reviewer = await staffToken(ctx.app, ctx.stack.db, 'reviewer');
});
// Whatever happens here, the next test file finds the models of bpmn/ as the latest version.
afterAll(
  () => ctx.stack && deployModels(ctx.stack.engine, { audit: createAuditRepo(ctx.stack.db), actor: 'test' }, bpmnDir),
);

const get = (url: string, token = owner) => ctx.app.inject({ url, ...withToken(token) });
const post = (url: string, payload: object, token = owner) =>
  ctx.app.inject({ method: 'POST', url, payload, ...withToken(token) });
const versions = async () =>
  ((await get('/api/modeler/versions')).json().items as Version[]).filter((v) => v.key === PROCESS_ID);
const latestXml = async () => {
  const [latest] = await versions();
  return { latest: latest!, xml: (await get(`/api/modeler/versions/${latest!.id}/xml`)).json().xml as string };
};
const STEP_3 = 'name="3–5 · ورود اطلاعات، معرفی‌نامه، رمز عبور و کپچا"';

describe('the modeler API', () => {
  it('is for process owners (and admins): no session 401, a reviewer 403', async () => {
    expect((await get('/api/modeler/versions', '')).statusCode).toBe(401);
    expect((await get('/api/modeler/versions', reviewer)).statusCode).toBe(403);
    expect((await post('/api/modeler/deploy', { xml: '<x/>' }, reviewer)).statusCode).toBe(403);
  });

  it('lists each version newest first with the instances running on it', async () => {
    const before = (await versions())[0]!;
    const { id } = await ctx.applicant.begin();
    const after = (await versions())[0]!;
    expect(after.id).toBe(before.id);
    expect(after.instances).toBe(before.instances + 1);
    await ctx.stack.engine.cancel((await ctx.stack.engine.openTasks(id))[0]!.processInstanceId);
  });

  it('refuses a model with a service task no worker serves, with the reason, and deploys nothing', async () => {
    const { latest, xml } = await latestXml();
    const edited = xml.replace('camunda:topic="civil-registry-inquiry"', 'camunda:topic="civil-registry-archive"');
    const check = await post('/api/modeler/check', { xml: edited });
    expect(check.json().problems.map((p: { elementId: string }) => p.elementId)).toEqual(['Task_CivilRegistry']);

    const res = await post('/api/modeler/deploy', { xml: edited });
    expect(res.statusCode).toBe(422);
    const { error } = res.json();
    expect(error.id).toBe('deploy_refused');
    expect(error.problems).toEqual([
      {
        rule: 'worker-topic',
        elementId: 'Task_CivilRegistry',
        text: {
          en: 'No worker of this project fetches topic "civil-registry-archive" of «7 · استعلام ثبت احوال از بستر PGSB» (Task_CivilRegistry); instances would wait there silently.',
          fa: expect.stringContaining('civil-registry-archive'),
        },
      },
    ]);
    expect((await versions())[0]!.id).toBe(latest.id);
  });

  it("refuses a model with a script task and a timer reaching the engine, naming both, deploys nothing, and audits the owner's refusal", async () => {
    const { latest, xml } = await latestXml();
    const edited = xml
      .replace(
        '${otpTimeout}',
        "${execution.processEngineServices.identityService.createMembership('owner', 'camunda-admin')}",
      )
      .replace(
        /<bpmn:serviceTask id="Task_Shahkar"([^>]*) camunda:type="external" camunda:topic="shahkar-inquiry"/,
        '<bpmn:scriptTask id="Task_Shahkar"$1 scriptFormat="javascript"',
      )
      .replace(
        /(<bpmn:scriptTask id="Task_Shahkar"[\s\S]*?)<\/bpmn:serviceTask>/,
        '$1<bpmn:script>1</bpmn:script></bpmn:scriptTask>',
      );

    const res = await post('/api/modeler/deploy', { xml: edited });

    expect(res.statusCode).toBe(422);
    const problems = res.json().error.problems as { rule: string; elementId: string; text: { en: string } }[];
    expect(problems.filter((p) => p.rule === 'code').map((p) => [p.elementId, p.text.en.split(';')[0]])).toEqual([
      ['Task_Shahkar', '«8 · استعلام شاهکار از بستر PGSB» (Task_Shahkar) is a script task'],
      [
        'Timer_OtpTimeout',
        expect.stringContaining(
          "the expression \"${execution.processEngineServices.identityService.createMembership('owner', 'camunda-admin')}\" uses the engine's own object \"execution\"",
        ),
      ],
    ]);
    expect((await versions())[0]!.id).toBe(latest.id);
    const [audited] = await ctx.stack
      .db('audit_log')
      .where({ action: 'model_deploy_refused' })
      .orderBy('id', 'desc')
      .limit(1)
      .select('actor', 'detail');
    expect(audited).toMatchObject({
      actor: expect.stringMatching(/^staff:/),
      detail: { process: PROCESS_ID, verdict: 'refused', rules: expect.stringContaining('code') },
    });
  });

  it('refuses what is not a model of this system', async () => {
    expect((await post('/api/modeler/check', { xml: 'not xml at all' })).json().error.id).toBe('model_unreadable');
    const other = (await latestXml()).xml.replace(`id="${PROCESS_ID}"`, 'id="something-else"');
    expect((await post('/api/modeler/deploy', { xml: other })).json().error.id).toBe('model_unknown_process');
  });

  it("deploys a renamed step as a new version under the owner's name, shows what changed, and migrates a waiting instance to it", async () => {
    // given an instance waiting at step 3 on the latest version
    const { latest, xml } = await latestXml();
    const waiting = await ctx.applicant.begin();
    const [task] = await ctx.stack.engine.openTasks(waiting.id);
    expect(task!.processDefinitionId).toBe(latest.id);

    // when the owner deploys step 3 renamed
    const res = await post('/api/modeler/deploy', {
      xml: xml.replace(STEP_3, 'name="3–5 · Enter the details and the letter"'),
    });
    expect(res.statusCode).toBe(200);
    const [deployed] = res.json().processes;
    expect(deployed).toMatchObject({ key: PROCESS_ID, version: latest.version + 1, new: true });
    const [newest] = await versions();
    expect(newest).toMatchObject({ id: deployed.id, source: expect.stringMatching(/^modeler: pro/), instances: 0 });

    // then the diff names the renamed task and nothing added or removed
    const diff = (await get(`/api/modeler/diff?from=${latest.id}&to=${deployed.id}`)).json();
    expect([diff.added, diff.removed]).toEqual([[], []]);
    expect(diff.changed).toEqual([
      {
        id: 'Task_ApplicantData',
        type: 'UserTask',
        name: '3–5 · Enter the details and the letter',
        properties: ['name'],
      },
    ]);

    // and the engine's plan maps every activity, so the waiting instance moves to the new version
    const planned = (await post('/api/modeler/migration/plan', { sourceId: latest.id, targetId: deployed.id })).json();
    expect(planned.failures).toEqual([]);
    expect(planned.instances).toBeGreaterThanOrEqual(1);
    const migrated = await post('/api/modeler/migration', {
      plan: planned.plan,
      processInstanceIds: [task!.processInstanceId],
    });
    expect(migrated.json()).toMatchObject({ migrated: 1 });
    const [moved] = await ctx.stack.engine.openTasks(waiting.id);
    // (an open task keeps the name it was created with; the next step it reaches is the new version's)
    expect(moved!.processDefinitionId).toBe(deployed.id);

    // and deploying the same model again makes no version
    const again = await post('/api/modeler/deploy', { xml: await ctx.stack.engine.definitionXml(deployed.id) });
    expect(again.json().processes[0]).toMatchObject({ id: deployed.id, new: false });
    const audit = await ctx.stack
      .db('audit_log')
      .where('action', 'in', ['model_deployed', 'instances_migrated'])
      .orderBy('id', 'desc')
      .limit(3)
      .select('action', 'detail');
    expect(audit.map((a) => a.action)).toEqual(['model_deployed', 'instances_migrated', 'model_deployed']);
    expect(audit[0]!.detail).toMatchObject({ process: PROCESS_ID, version: deployed.version, verdict: 'accepted' });
    await ctx.stack.engine.cancel(task!.processInstanceId);
  });

  it('refuses a plan whose instructions the engine rejects, naming them', async () => {
    const [v] = await versions();
    const plan = {
      sourceProcessDefinitionId: v!.id,
      targetProcessDefinitionId: v!.id,
      instructions: [{ sourceActivityIds: ['Task_ApplicantData'], targetActivityIds: ['Task_NoSuchThing'] }],
    };
    const res = await post('/api/modeler/migration', { plan });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      id: 'migration_invalid',
      problems: [{ rule: 'migration', elementId: 'Task_ApplicantData' }],
    });
  });
});
