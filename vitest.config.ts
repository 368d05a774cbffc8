import { defineConfig } from 'vitest/config';

// Set here, not in `test.env`, so the global setup (which migrates and deploys) sees the same values as the tests.
const testDefaults: Record<string, string> = {
  NODE_ENV: 'test',
  TEST_HOOKS: '1',
  LOG_LEVEL: 'silent',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/payam_test',
};
for (const [k, v] of Object.entries(testDefaults)) process.env[k] ??= v;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/global-setup.ts'],
    // Engine tests share one broker; files run one at a time so their workers do not take each other's jobs.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
