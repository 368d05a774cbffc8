import { spawn } from 'node:child_process';
import { useTestEnv } from './test-env.js';

/**
 * `npm test`: type check, the static checks (`npm run lint`), model lint, then every test. The tests'
 * stack (PostgreSQL, Redis, their own engine on fresh databases, migrations, bpmn/ deployed) is prepared
 * while the type check and the lints run, since the engine takes the longest to start; vitest is then told
 * it is ready. Run alone, vitest's global setup prepares it itself. Any failure fails the run.
 */
useTestEnv();
const { loadConfig } = await import('../config/config.js');
const { stopEngine } = await import('./engine/process.js');
const { engineSettings } = await import('./engine/settings.js');
const { prepareStack } = await import('./prepare-stack.js');

function step(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  return new Promise<number>((resolve) => {
    console.log(`\n[test] ${name}`);
    const child = spawn(cmd, args, { stdio: 'inherit', env });
    child.on('close', (code) => resolve(code ?? 1));
    child.on('error', () => resolve(127));
  });
}

const bin = (name: string) => `node_modules/.bin/${name}`;
const engine = engineSettings();
const keepEngine = Boolean(process.env.KEEP_ENGINE);
const log = (m: string) => console.log(`[test setup] ${m}`);
const stack = prepareStack(loadConfig(), engine, log, { recreateTestDatabase: true, keepEngine }).then(
  (r) => ({ ok: true as const, ...r }),
  (error: unknown) => ({ ok: false as const, error, engineStarted: false }),
);

let failed = 0;
for (const [name, cmd, args] of [
  ['type check', bin('tsc'), ['--noEmit', '-p', '.']],
  ['lint: prettier, layer rules, knip, eslint (npm run lint)', 'npm', ['run', '--silent', 'lint']],
  ['bpmnlint (Camunda 7 / Operaton rules)', process.execPath, ['--import', 'tsx', 'ops/lint-bpmn.ts']],
] as const) {
  const code = await step(name, cmd, [...args]);
  if (code !== 0) {
    console.error(`[test] ${name} failed (exit ${code})`);
    failed = code;
    break;
  }
}
const ready = await stack;
if (!ready.ok) {
  console.error('[test] the test stack could not be prepared:', ready.error);
  failed ||= 1;
}
if (!failed) {
  const code = await step('vitest', bin('vitest'), ['run', ...process.argv.slice(2)], {
    ...process.env,
    TEST_STACK_READY: '1',
  });
  if (code !== 0) console.error(`[test] vitest failed (exit ${code})`);
  failed = code;
}
// CI expects nothing left running; KEEP_ENGINE leaves the engine for the next run to reuse.
if (ready.engineStarted && !keepEngine) await stopEngine(engine, log);
process.exit(failed);
