import { spawn } from 'node:child_process';
import { useTestEnv } from './test-env.js';

/**
 * `npm test`: type check, the static checks (`npm run lint`) and model lint side by side, then every test. The tests'
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

/**
 * The static checks run side by side (each is one thread; two cores): each one's output is printed whole
 * when it ends, so the logs do not interleave.
 */
function check(name: string, cmd: string, args: readonly string[]) {
  return new Promise<number>((resolve) => {
    const child = spawn(cmd, [...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '1' },
    });
    const out: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => out.push(b));
    const done = (code: number) => {
      console.log(`\n[test] ${name}: ${code === 0 ? 'passed' : `failed (exit ${code})`}`);
      process.stdout.write(Buffer.concat(out));
      resolve(code);
    };
    child.on('close', (code) => done(code ?? 1));
    child.on('error', () => done(127));
  });
}

const codes = await Promise.all(
  (
    [
      ['type check', bin('tsc'), ['--noEmit', '-p', '.']],
      ['lint: prettier, layer rules, knip, eslint (npm run lint)', 'npm', ['run', '--silent', 'lint']],
      ['bpmnlint (Camunda 7 / Operaton rules)', process.execPath, ['--import', 'tsx', 'ops/lint-bpmn.ts']],
    ] as const
  ).map(([name, cmd, args]) => check(name, cmd, args)),
);
let failed = codes.find((c) => c !== 0) ?? 0;
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
