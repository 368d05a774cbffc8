import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { serviceEngine } from '../../adapters/engine/connect.js';
import { deployToolModels } from '../../adapters/engine/deploy-models.js';
import { createAuditRepo } from '../../db/audit-repo.js';
import { loadConfig } from '../../config/config.js';
import { createDb } from '../../db/knex.js';

const KEY = 'job-lock-probe';
// A timer (due at once), then a task behind an asynchronous continuation: the two kinds of job our models have.
const MODEL = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="job-lock-probe-defs" targetNamespace="http://payam.iran.ir/test">
  <bpmn:process id="${KEY}" name="Test: a timer and an asynchronous continuation" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="timer" />
    <bpmn:intermediateCatchEvent id="timer"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
      <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT0S</bpmn:timeDuration></bpmn:timerEventDefinition>
    </bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="f2" sourceRef="timer" targetRef="task" />
    <bpmn:serviceTask id="task" name="Behind a continuation" camunda:asyncBefore="true" camunda:type="external" camunda:topic="${KEY}"><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:sequenceFlow id="f3" sourceRef="task" targetRef="end" />
    <bpmn:endEvent id="end"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>`;

const config = loadConfig();
const engine = serviceEngine(config);
const engineDb = createDb(process.env.ENGINE_DATABASE_URL!, { min: 0, max: 2 });
const db = createDb(config.DATABASE_URL, { min: 0, max: 1 });
afterAll(() => Promise.all([engineDb.destroy(), db.destroy()]));

async function setJobsSuspended(jobDefinitionIds: string[], suspended: boolean) {
  for (const id of jobDefinitionIds) await engine.setJobDefinitionSuspended(id, suspended);
}

/**
 * Lets the instance's waiting job of `jobDefinitionId` go while the instance's rows are locked here, so the
 * job executor acquires it and stops mid-job, as a node that dies while executing it: what the engine's table
 * then says the job is locked for is how long another node would wait. Returns the remaining lock, in the
 * database's own clock; the job finishes once the rows are let go.
 */
async function lockWhileHeld(instanceId: string, jobDefinitionId: string) {
  const rowLocks = await engineDb.transaction();
  try {
    await rowLocks.raw('select id_ from act_ru_execution where proc_inst_id_ = ? for update', [instanceId]);
    await setJobsSuspended([jobDefinitionId], false);
    for (let i = 0; i < 200; i++) {
      const [job] = await engineDb('act_ru_job')
        .where({ process_instance_id_: instanceId, job_def_id_: jobDefinitionId })
        .whereNotNull('lock_owner_')
        .select(engineDb.raw('extract(epoch from (lock_exp_time_ - now())) * 1000 as remaining_ms'));
      if (job) return Number(job.remaining_ms);
      await sleep(100);
    }
    throw new Error('the job executor acquired no job');
  } finally {
    await rowLocks.rollback();
  }
}

describe("the engine's job lock time", () => {
  it('given a node that dies holding a timer or a continuation, then another node may take it within 20 s, not five minutes', async () => {
    const deployed = await deployToolModels(engine, { audit: createAuditRepo(db), actor: 'test' }, KEY, [
      { name: `${KEY}.bpmn`, content: MODEL },
    ]);
    const definitionId = deployed.processes.find((p) => p.key === KEY)!.id;
    const definitions = await engine.jobDefinitions({ processDefinitionId: definitionId });
    const jobDefinitionIds = definitions.map((d) => d.id!);
    const ofType = (type: string) => definitions.find((d) => d.jobType === type)!.id!;
    await setJobsSuspended(jobDefinitionIds, true);
    const { id: instanceId } = await engine.start(KEY, randomUUID(), {});

    try {
      const timer = await lockWhileHeld(instanceId, ofType('timer-intermediate-transition'));
      // Once let go, the timer fires and the continuation waits, suspended, in its turn.
      for (let i = 0; i < 200; i++) {
        const [job] = await engineDb('act_ru_job').where({
          process_instance_id_: instanceId,
          handler_type_: 'async-continuation',
        });
        if (job) break;
        await sleep(100);
      }
      const continuation = await lockWhileHeld(instanceId, ofType('async-continuation'));

      for (const remaining of [timer, continuation]) {
        expect(remaining).toBeGreaterThan(0);
        expect(remaining).toBeLessThanOrEqual(20_000);
      }
    } finally {
      await engine.cancel(instanceId).catch(() => undefined);
    }
  });
});
