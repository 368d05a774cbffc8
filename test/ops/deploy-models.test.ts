import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GateRefusedError } from '../../adapters/bpmn/project-gate.js';
import { serviceEngine } from '../../adapters/engine/connect.js';
import { deployModels, deployToolModels } from '../../adapters/engine/deploy-models.js';
import { CERTIFICATE_REQUEST_PROCESS_ID, PROCESS_ID, REVIEW_PROCESS_ID } from '../../adapters/engine/process-model.js';
import { createAuditRepo } from '../../db/audit-repo.js';
import { bpmnDir } from '../../adapters/bpmn/model-files.js';
import { projectRoot } from '../../config/paths.js';
import { run } from '../../ops/run.js';
import { testDatabase } from '../support/database.js';
import { engineAs } from '../support/engine-as.js';

const { db, config } = testDatabase();
const engine = serviceEngine(config);
const dirs: string[] = [];
afterAll(async () => {
  await db.destroy();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const PROCESSES = [PROCESS_ID, REVIEW_PROCESS_ID, CERTIFICATE_REQUEST_PROCESS_ID];
/** The id of the latest version of each of the project's processes. */
const latest = async () =>
  (await engine.versions(PROCESSES))
    .filter((v, i, all) => all.findIndex((w) => w.key === v.key) === i)
    .map((v) => v.id)
    .sort();

/** bpmn/ copied, with agency-registration.bpmn edited. */
function editedModels(edit: (xml: string) => string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'payam-bpmn-'));
  dirs.push(dir);
  cpSync(bpmnDir, dir, { recursive: true });
  const file = path.join(dir, `${PROCESS_ID}.bpmn`);
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return dir;
}
/** The business key taken from the execution again, and a listener on the process: both code. */
const withCode = (xml: string) =>
  xml
    .replace(
      '<camunda:in businessKey="${registrationId}" />',
      '<camunda:in businessKey="#{execution.processBusinessKey}" />',
    )
    .replace(
      /(<bpmn:process id="agency-registration"[^>]*>)/,
      '$1<bpmn:extensionElements><camunda:executionListener event="start" class="org.example.Grant" /></bpmn:extensionElements>',
    );
const auditOf = (actor: string) =>
  db('audit_log')
    .where({ actor })
    .orderBy('id')
    .select<{ action: string; detail: Record<string, unknown> }[]>('action', 'detail');

describe('deploying bpmn/ (npm start, npm test, chaos, npm run deploy) through the deploy gate and the audit log', () => {
  it('given bpmn/ with a timer emptied and a topic renamed, when deployed, then nothing is deployed, both problems are named and the refusal is audited', async () => {
    const dir = editedModels((xml) =>
      xml
        .replace('camunda:topic="shahkar-inquiry"', 'camunda:topic="shahkar-inquiry-v2"')
        .replace('<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${otpTimeout}</bpmn:timeDuration>', ''),
    );
    const before = await latest();
    const actor = `test:${randomUUID()}`;

    const refusal = await deployModels(engine, { audit: createAuditRepo(db), actor }, dir).catch((e: unknown) => e);

    expect(refusal).toBeInstanceOf(GateRefusedError);
    expect((refusal as GateRefusedError).problems.map((p) => [p.rule, p.elementId])).toEqual([
      ['worker-topic', 'Task_Shahkar'],
      ['timer', 'Timer_OtpTimeout'],
    ]);
    expect((refusal as GateRefusedError).message).toContain('shahkar-inquiry-v2');
    expect(await latest()).toEqual(before);
    expect(await auditOf(actor)).toEqual([
      {
        action: 'model_deploy_refused',
        detail: {
          source: 'bpmn/',
          files:
            'agency-registration-review.bpmn,agency-registration.bpmn,certificate-request.bpmn,ra-check.form,review-decision.form',
          verdict: 'refused',
          problems: 2,
          rules: 'worker-topic,timer',
        },
      },
    ]);
  });

  it('given bpmn/ with code in it, when deployed, then the gate refuses it and no version is made', async () => {
    const before = await latest();
    const refusal = await deployModels(
      engine,
      { audit: createAuditRepo(db), actor: `test:${randomUUID()}` },
      editedModels(withCode),
    ).catch((e: unknown) => e);
    expect((refusal as GateRefusedError).problems.map((p) => [p.rule, p.elementId])).toEqual([
      ['code', PROCESS_ID],
      ['code', 'Call_Review'],
    ]);
    expect(await latest()).toEqual(before);
  });

  it('given bpmn/ as it is, when deployed, then the audit log says who deployed each process at which version, accepted', async () => {
    const actor = `test:${randomUUID()}`;
    const lines = await deployModels(engine, { audit: createAuditRepo(db), actor });
    const entries = await auditOf(actor);
    expect(entries.map((e) => [e.action, e.detail.process, e.detail.verdict, e.detail.source]).sort()).toEqual(
      PROCESSES.map((p) => ['model_deployed', p, 'accepted', 'bpmn/']).sort(),
    );
    for (const e of entries) {
      expect(lines).toContain(
        `${String(e.detail.process)} v${String(e.detail.version)} (${e.detail.new ? 'new' : 'unchanged'})`,
      );
      expect(await latest()).toContain(e.detail.definitionId);
    }
  });

  it('given bpmn/ with code in it, when `npm run deploy` runs on it, then it exits with 1 naming each problem, deploys nothing, and audits the refusal', async () => {
    const before = await latest();
    const lastId = ((await db('audit_log').max('id as id').first()) as { id: number | null }).id ?? 0;

    const r = await run(path.join(projectRoot, 'node_modules/.bin/tsx'), ['ops/deploy.ts', editedModels(withCode)], {
      cwd: projectRoot,
    });

    expect(r.code, r.output).toBe(1);
    expect(r.output).toContain('[deploy] refused, nothing deployed (2 problem(s)):');
    expect(r.output).toContain(
      '«ثبت نام دستگاه اجرایی در سامانه پیام ایران» (agency-registration) has an execution listener',
    );
    expect(r.output).toContain(
      'the expression "#{execution.processBusinessKey}" uses the engine\'s own object "execution"',
    );
    expect(await latest()).toEqual(before);
    const audited = await db('audit_log')
      .where('id', '>', lastId)
      .where({ action: 'model_deploy_refused' })
      .select('actor', 'detail');
    expect(audited).toEqual([
      expect.objectContaining({
        actor: expect.stringMatching(/^ops:deploy:/),
        detail: expect.objectContaining({ verdict: 'refused', problems: 2, rules: 'code' }),
      }),
    ]);
  });

  it("given a tool's own model (chaos, the benchmarks, a test's probe), when deployed, then it answers to the gate's rules for every model — code refused and audited, a plain one deployed and audited", async () => {
    const key = `tool-${randomUUID().slice(0, 8)}`;
    const model = (task: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://payam.iran.ir/test">
  <bpmn:process id="${key}" name="A tool's probe" isExecutable="true" camunda:historyTimeToLive="P1D">${task}</bpmn:process>
</bpmn:definitions>`;
    const actor = `test:${randomUUID()}`;
    const deployer = { audit: createAuditRepo(db), actor };

    const refusal = await deployToolModels(engine, deployer, key, [
      { name: `${key}.bpmn`, content: model('<bpmn:scriptTask id="Task_Script" scriptFormat="groovy" />') },
    ]).catch((e: unknown) => e);
    expect((refusal as GateRefusedError).problems.map((p) => [p.rule, p.elementId])).toEqual([['code', 'Task_Script']]);
    expect(await engine.versions([key])).toEqual([]);

    const deployed = await deployToolModels(engine, deployer, key, [
      {
        name: `${key}.bpmn`,
        content: model(
          '<bpmn:startEvent id="start" /><bpmn:serviceTask id="Task_Any" camunda:type="external" camunda:topic="any-topic" />',
        ),
      },
    ]);
    expect(deployed.processes.map((p) => [p.key, p.version])).toEqual([[key, 1]]);
    expect((await auditOf(actor)).map((e) => [e.action, e.detail.verdict, e.detail.rules ?? e.detail.process])).toEqual(
      [
        ['model_deploy_refused', 'refused', 'code'],
        ['model_deployed', 'accepted', key],
      ],
    );
    await engineAs(config.ENGINE_USER, config.ENGINE_PASSWORD).delete(`/deployment/${deployed.id}?cascade=true`);
  });
});
