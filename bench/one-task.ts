/**
 * Benchmark: one external task through our worker client — a process of start → one service task →
 * end, on the real engine (the test engine, as the tests set it up), with a worker that does nothing.
 * Measures, per instance, start request → the worker's completion acknowledged, and the engine's own
 * start → end (history duration). `npm run bench:one-task [-- N WARMUP]`.
 */
const { useTestEnv } = await import('../test/setup/test-env.js');
useTestEnv();

const { performance } = await import('node:perf_hooks');
const { Type } = await import('@sinclair/typebox');
const { loadConfig } = await import('../config/config.js');
const { createLogger } = await import('../config/logger.js');
const { serviceEngine } = await import('../adapters/engine/connect.js');
const { externalTasks } = await import('../adapters/engine/external-tasks.js');
const { defineWorker } = await import('../workers/support/define-worker.js');
const { startTopicPoller } = await import('../workers/support/topic-poller.js');
const { default: setup } = await import('../test/setup/global-setup.js');

const total = Number(process.argv[2] ?? 300);
// The first instances after an engine start run while the JVM compiles; they are run, not counted.
const warmup = Number(process.argv[3] ?? 100);
const teardown = await setup();
const config = loadConfig();
const engine = serviceEngine(config);
const MODEL = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://payam.iran.ir/bench">
  <bpmn:process id="bench-one-task" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="s"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="t" camunda:type="external" camunda:topic="bench-noop"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:endEvent id="e"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t"/><bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e"/>
  </bpmn:process>
</bpmn:definitions>`;
await engine.deploy('bench-one-task', [{ name: 'bench-one-task.bpmn', content: Buffer.from(MODEL) }], 'bench');

const done = new Map<string, () => void>();
const noop = defineWorker({
  topic: 'bench-noop', input: Type.Object({}), output: Type.Object({}),
  async handle(task) {
    // Resolved once the engine acknowledged the completion (the poller completes right after this returns).
    setImmediate(() => setTimeout(() => done.get(task.businessKey!)?.(), 0));
    return {};
  },
});
const logger = createLogger({ level: 'silent' });
const poller = startTopicPoller(noop, externalTasks(engine.rest, `bench-${process.pid}`), { logger, config } as never, config.ENGINE_LONG_POLL_MS);

const clientMs: number[] = [];
const ids: string[] = [];
for (let i = -warmup; i < total; i++) {
  const key = `bench-${i}-${Date.now()}`;
  const finished = new Promise<void>((resolve) => done.set(key, resolve));
  const t0 = performance.now();
  const { id } = await engine.start('bench-one-task', key, {});
  await finished;
  if (i < 0) continue;
  clientMs.push(performance.now() - t0);
  ids.push(id);
}
await poller.close();
await new Promise((r) => setTimeout(r, 500));
const { data } = await engine.rest.POST('/history/process-instance', { body: { processInstanceIds: ids }, params: { query: { maxResults: ids.length } } });
const engineMs = (data ?? []).map((p) => p.durationInMillis ?? NaN).filter(Number.isFinite);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!.toFixed(0);
console.log(`one external task, ${total} instances one after another:
  start request → worker done:  p50 ${pct(clientMs, 50)} ms, p99 ${pct(clientMs, 99)} ms
  engine start → end (history): p50 ${pct(engineMs, 50)} ms, p99 ${pct(engineMs, 99)} ms (${engineMs.length} finished)`);
await teardown();
