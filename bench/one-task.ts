/**
 * Benchmark: one external task through our worker client (bench/support/one-task.ts), on the test
 * engine as the tests set it up. `npm run bench:one-task [-- N WARMUP]`; `npm run bench` runs it too.
 */
const { useBenchEnv } = await import('../ops/test-env.js');
// The tests' databases and engine, with a Redis database of the benchmarks' own.
useBenchEnv();

const { loadConfig } = await import('../config/config.js');
const { createLogger } = await import('../config/logger.js');
const { serviceEngine } = await import('../adapters/engine/connect.js');
const { oneTaskLatency } = await import('./support/one-task.js');
const { ms } = await import('./support/stats.js');
const { prepareTestStack } = await import('../ops/test-stack.js');
const { createDb } = await import('../db/knex.js');
const { createAuditRepo } = await import('../db/audit-repo.js');

const total = Number(process.argv[2] ?? 300);
const warmup = Number(process.argv[3] ?? 100);
const teardown = await prepareTestStack();
const config = loadConfig();
const db = createDb(config.DATABASE_URL);
const r = await oneTaskLatency(serviceEngine(config), config, createLogger({ level: 'silent' }), total, warmup, {
  audit: createAuditRepo(db),
  actor: 'bench',
});
console.log(`one external task, ${total} instances one after another:
  start request → worker done:  p50 ${ms(r.client.p50)} ms, p99 ${ms(r.client.p99)} ms
  engine start → end (history): p50 ${ms(r.engine.p50)} ms, p99 ${ms(r.engine.p99)} ms (${r.engine.n} finished)`);
await db.destroy();
await teardown();
