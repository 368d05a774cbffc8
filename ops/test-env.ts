import { historyReaderUrlFor } from './engine/history-reader.js';

/**
 * The test run's settings: its own databases, its own engine (port 8091) and its own Redis database, so a
 * developer's engine (8080, database operaton), data, queues and counters are untouched. Read by vitest.config.ts and the benchmarks, and
 * set before anything loads the configuration; a value already in the environment wins.
 */
export const TEST_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  // The development secrets and the simulators' addresses (config/development-defaults.ts), asked for explicitly.
  PAYAM_DEV_DEFAULTS: '1',
  TEST_HOOKS: '1',
  LOG_LEVEL: 'silent',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/payam_test',
  ENGINE_URL: 'http://127.0.0.1:8091/engine-rest',
  ENGINE_PORT: '8091',
  ENGINE_DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/operaton_test',
  ENGINE_INSTANCE_DIR: '.cache/engine-test',
  // A Redis database of its own: `npm start` uses database 0, whose workers would otherwise take the
  // run's notice jobs (and find no such notice in their database), and whose rate-limit counters it would share.
  REDIS_URL: 'redis://127.0.0.1:6379/1',
  // The test engine's job executor looks for due timers (the shortened time limits) every 100–1000 ms when
  // idle, not backing off to the 5 s of engine/application.yaml (Spring's relaxed binding of job-execution.*).
  OPERATON_BPM_JOBEXECUTION_WAITTIMEINMILLIS: '100',
  OPERATON_BPM_JOBEXECUTION_MAXWAIT: '1000',
  // The engine remembers the service account's REST login this long (30 s in production), short so a test can see it forget.
  ENGINE_REST_AUTH_CACHE_SECONDS: '2',
};

export function useTestEnv(env: NodeJS.ProcessEnv = process.env) {
  for (const [k, v] of Object.entries(TEST_ENV)) env[k] ??= v;
  // The monitor's read-only role on whichever engine database this run uses.
  env.ENGINE_HISTORY_DATABASE_URL ??= historyReaderUrlFor(env.ENGINE_DATABASE_URL!);
}

/**
 * The benchmarks run on the tests' databases and engine (never at the same time as a test run) but with
 * a Redis database of their own, so neither `npm start`'s workers nor a test run's take their notice jobs.
 */
export const BENCH_REDIS_URL = 'redis://127.0.0.1:6379/2';

export function useBenchEnv(env: NodeJS.ProcessEnv = process.env) {
  env.REDIS_URL ??= BENCH_REDIS_URL;
  useTestEnv(env);
}
