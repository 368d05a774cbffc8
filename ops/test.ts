import { spawn } from 'node:child_process';

/**
 * `npm test`: type check, model lint, then every test. Vitest's global setup starts or reuses
 * PostgreSQL, Redis and the broker, migrates and deploys. Any failure fails the run.
 */
function step(name: string, cmd: string, args: string[]) {
  return new Promise<number>((resolve) => {
    console.log(`\n[test] ${name}`);
    const child = spawn(cmd, args, { stdio: 'inherit', env: process.env });
    child.on('close', (code) => resolve(code ?? 1));
    child.on('error', () => resolve(127));
  });
}

const bin = (name: string) => `node_modules/.bin/${name}`;
const steps: [string, string, string[]][] = [
  ['type check', bin('tsc'), ['--noEmit', '-p', '.']],
  ['bpmnlint (Camunda 8.6 rules)', process.execPath, ['--import', 'tsx', 'ops/lint-bpmn.ts']],
  ['vitest', bin('vitest'), ['run', ...process.argv.slice(2)]],
];

let failed = 0;
for (const [name, cmd, args] of steps) {
  const code = await step(name, cmd, args);
  if (code !== 0) {
    console.error(`[test] ${name} failed (exit ${code})`);
    failed = code;
    break;
  }
}
process.exit(failed);
