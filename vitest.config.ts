import { defineConfig } from 'vitest/config';
import { useTestEnv } from './ops/test-env.js';

// Set here, not in `test.env`, so the global setup (which migrates and deploys) sees the same values as the tests.
useTestEnv();

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/global-setup.ts'],
    // Engine tests share one engine; files run one at a time so their workers do not take each other's tasks.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
