import { performance } from 'node:perf_hooks';
import { Type } from '@sinclair/typebox';
import type { Logger } from 'pino';
import { deployToolModels, type DeployActor } from '../../adapters/engine/deploy-models.js';
import type { ProcessEngine } from '../../adapters/engine/process-engine.js';
import type { Config } from '../../config/config.js';
import { defineWorker } from '../../workers/support/define-worker.js';
import { startTaskPoller } from '../../workers/support/task-poller.js';
import type { WorkerDeps } from '../../workers/support/worker-deps.js';
import { completed, expectations, type Completion } from './expectations.js';
import { summarize } from './stats.js';

const MODEL = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://payam.iran.ir/bench">
  <bpmn:process id="bench-one-task" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="s"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="t" camunda:type="external" camunda:topic="bench-noop"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:endEvent id="e"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t"/><bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e"/>
  </bpmn:process>
</bpmn:definitions>`;

/**
 * One external task through our worker client: a process of start → one service task → end, with a
 * worker that does nothing, instances one after another. Measures start request → the completion
 * acknowledged by the engine, and the engine's own start → end (history). The first `warmup`
 * instances run while the JVM compiles and are not counted.
 */
export async function oneTaskLatency(
  engine: ProcessEngine,
  config: Config,
  logger: Logger,
  total: number,
  warmup: number,
  deployer: DeployActor,
) {
  await deployToolModels(engine, deployer, 'bench-one-task', [{ name: 'bench-one-task.bpmn', content: MODEL }]);
  const events = expectations<Completion>();
  const noop = defineWorker({
    topic: 'bench-noop',
    input: Type.Object({}),
    output: Type.Object({}),
    handle: async () => ({}),
  });
  const poller = startTaskPoller(
    [noop],
    engine.externalTasks(`bench-${process.pid}`),
    { logger, config } as WorkerDeps,
    config.ENGINE_LONG_POLL_MS,
    {
      onCompleted: (task) => events.deliver(task),
    },
  );
  const clientMs: number[] = [];
  const ids: string[] = [];
  try {
    for (let i = -warmup; i < total; i++) {
      const key = `bench-${i}-${Date.now()}`;
      const finished = events.expect(completed('bench-noop', key), 'bench-noop');
      const t0 = performance.now();
      const { id } = await engine.start('bench-one-task', key, {});
      await finished;
      if (i < 0) continue;
      clientMs.push(performance.now() - t0);
      ids.push(id);
    }
  } finally {
    await poller.close();
  }
  const history = await engine.historicInstances({ processInstanceIds: ids });
  const engineMs = history.map((p) => p.durationInMillis ?? Number.NaN).filter(Number.isFinite);
  return { client: summarize(clientMs), engine: summarize(engineMs) };
}
