import { loadConfig } from '../config/config.js';
import { stopEngine } from './engine/process.js';
import { engineSettings } from './engine/settings.js';
import { prepareStack } from './prepare-stack.js';

const log = (m: string) => console.log(`[test setup] ${m}`);

/**
 * Starts what the tests and the benchmarks need: PostgreSQL, Redis, and the tests' own engine (port 8091,
 * database operaton_test; see ops/test-env.ts), both databases recreated, migrated and bpmn/ deployed.
 * A developer's engine on 8080 is never touched. Returns what stops it again.
 */
export async function prepareTestStack() {
  // `npm test` prepared the stack already, while it type-checked, and stops the engine itself.
  if (process.env.TEST_STACK_READY) return async () => undefined;
  const engine = engineSettings();
  const keepEngine = Boolean(process.env.KEEP_ENGINE);
  const { engineStarted } = await prepareStack(loadConfig(), engine, log, { recreateTestDatabase: true, keepEngine });
  return async () => {
    // CI expects nothing left running; KEEP_ENGINE leaves it for the next run to reuse.
    if (engineStarted && !keepEngine) await stopEngine(engine, log);
  };
}
