/**
 * The test run's settings: its own databases and its own engine (port 8091), so a developer's engine
 * (8080, database operaton) and data are untouched. Read by vitest.config.ts and the benchmarks, and
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
  // The engine remembers an accepted REST caller this long (30 s in production), short so a test can see it forget.
  ENGINE_REST_AUTH_CACHE_SECONDS: '2',
};

export function useTestEnv(env: NodeJS.ProcessEnv = process.env) {
  for (const [k, v] of Object.entries(TEST_ENV)) env[k] ??= v;
}
