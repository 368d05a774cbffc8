import { Type } from '@sinclair/typebox';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { serviceEngine } from '../../adapters/engine/connect.js';
import { deployToolModels, type DeployActor } from '../../adapters/engine/deploy-models.js';
import type { Config } from '../../config/config.js';
import { pollClients } from '../../workers/runtime.js';
import { defineWorker } from '../../workers/support/define-worker.js';
import { startTaskPoller } from '../../workers/support/task-poller.js';
import type { WorkerDeps } from '../../workers/support/worker-deps.js';

const TOPIC = 'chaos-wakeup';
const MODEL = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="chaos-wakeup-defs" targetNamespace="http://payam.iran.ir/chaos">
  <bpmn:process id="${TOPIC}" name="Chaos: one external task" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task" />
    <bpmn:serviceTask id="task" name="One external task" camunda:type="external" camunda:topic="${TOPIC}"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="end" />
    <bpmn:endEvent id="end"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>`;

/**
 * How long a task created on the second node waits before a worker's long poll takes it: the workers'
 * pollers as the runtime builds them (`eachNode` false: one poll, on the first node, as before).
 */
export async function measureWakeup(
  config: Config,
  secondNodeUrl: string,
  logger: Logger,
  eachNode: boolean,
  deployer: DeployActor,
  samples = 6,
) {
  const engine = serviceEngine(config);
  await deployToolModels(engine, deployer, 'chaos-wakeup', [{ name: 'chaos-wakeup.bpmn', content: MODEL }]);
  const seen = new Map<string, number>();
  const worker = defineWorker({
    topic: TOPIC,
    input: Type.Object({}),
    output: Type.Object({}),
    async handle(task) {
      seen.set(task.businessKey ?? '', Date.now());
      return {};
    },
  });
  const deps = { config, logger } as unknown as WorkerDeps;
  const pollers = pollClients(config, engine, eachNode).map((p, i) =>
    startTaskPoller(
      [worker],
      p.engine.externalTasks(`chaos-wakeup-${eachNode}-${i}`),
      deps,
      config.ENGINE_LONG_POLL_MS,
    ),
  );
  const onSecond = serviceEngine({ ...config, ENGINE_URL: secondNodeUrl });
  const delays: number[] = [];
  try {
    await sleep(1_500); // the long polls are pending
    for (let i = 0; i < samples; i++) {
      const key = `wake-${eachNode}-${i}-${Date.now()}`;
      const t0 = Date.now();
      await onSecond.start(TOPIC, key, {});
      while (!seen.has(key) && Date.now() - t0 < config.ENGINE_LONG_POLL_MS + 10_000) await sleep(20);
      delays.push((seen.get(key) ?? Date.now()) - t0);
      await sleep(1_000 + Math.random() * 2_000); // land at different points of the long poll
    }
  } finally {
    await Promise.all(pollers.map((p) => p.close()));
  }
  delays.sort((a, b) => a - b);
  return { delays, median: delays[Math.floor(delays.length / 2)]!, max: delays.at(-1)! };
}
