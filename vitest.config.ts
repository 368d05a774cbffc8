import { defineConfig } from 'vitest/config';
import { useTestEnv } from './ops/test-env.js';

// Set here, not in `test.env`, so the global setup (which migrates and deploys) sees the same values as the tests.
useTestEnv();

/**
 * The files that start external-task workers on the one test engine, deploy to it, or start instances on
 * it: one file at a time, so no file's workers take another file's tasks, no deployment changes the
 * version another file starts, and no file meets another's instances.
 */
const ENGINE_FILES = [
  'test/engine/**/*.test.ts',
  'test/reviews/decide.engine.test.ts',
  'test/reviews/review-service.test.ts',
  'test/workers/idempotency.test.ts',
  'test/workers/retention-purge.test.ts',
  'test/ops/deploy-models.test.ts',
  'test/ops/staff-cli.test.ts',
  'test/ops/restore-agreement.test.ts',
  'test/adapters/engine/**/*.test.ts',
  'test/api/{agency-hold,applicant-data,applicant-token,captcha-audio,fuzz,letter-signature-review,letter-template}.test.ts',
  'test/api/{letter-upload,modeler,otp,rate-limits,review-decisions,review-view,server-timing,start-and-token,submit}.test.ts',
  'test/api/{dependency-unavailable,service-unavailable,metrics,metrics-unsuccessful,server-start}.test.ts',
  // No workers, but they start instances, which a modeler test counting a version's instances would see.
  'test/api/{captcha-and-errors,malformed-requests}.test.ts',
];

/**
 * Slow drills (the engine's restart, the engine jar's refusals of its development passwords) kept out of
 * `npm test` and run by `npm run test:slow` (`--project slow`), which CI runs after `npm test`.
 */
const SLOW_FILES = ['test/**/*.slow.test.ts'];

const common = { testTimeout: 60_000, hookTimeout: 240_000 };

const slowProject = {
  test: {
    ...common,
    name: 'slow',
    // The fuzz runs in `npm test` too, with fewer requests (FUZZ_RUNS); `npm run test:slow` sends 10,000.
    include: [...SLOW_FILES, 'test/api/fuzz.test.ts'],
    pool: 'threads' as const,
  },
};

export default defineConfig({
  test: {
    // Prepared once for every project (the root's global setup runs before any project's files).
    globalSetup: ['test/setup/global-setup.ts'],
    // Two pools run side by side: the engine files one at a time in the threads pool, the rest of the
    // files (pure, database, Redis, simulators) in parallel in the forks pool.
    poolOptions: {
      threads: { maxThreads: 1, minThreads: 1 },
      // Two: with the engine lane, the engine and PostgreSQL that already fills 2 cores; more slows the engine lane,
      // which is the run's longest path.
      forks: { maxForks: 2, minForks: 1 },
    },
    projects: [
      {
        test: {
          ...common,
          name: 'engine',
          include: ENGINE_FILES,
          exclude: SLOW_FILES,
          pool: 'threads',
        },
      },
      {
        // Engine files too, in the same one-at-a-time pool, sharing one Chromium started by their own setup.
        test: {
          ...common,
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/chromium-server.ts'],
          pool: 'threads',
        },
      },
      {
        test: {
          ...common,
          name: 'parallel',
          include: ['test/**/*.test.ts'],
          exclude: [...ENGINE_FILES, 'test/browser/**', ...SLOW_FILES],
          pool: 'forks',
        },
      },
      // Only when asked for (`npm run test:slow` sets PAYAM_SLOW_TESTS), so `npm test` and `vitest run` leave it out.
      ...(process.env.PAYAM_SLOW_TESTS ? [slowProject] : []),
    ],
  },
});
