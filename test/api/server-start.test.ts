import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../config/paths.js';
import { freePort } from '../../ops/chaos/private-services.js';
import { NODE_SERVICES } from '../../ops/node-services.js';

// The one spawn of the API's own entry point, as `npm start` runs it: every other test builds the app in process,
// so nothing else would notice the script failing to start (it once did: a hook added after listening).
const script = NODE_SERVICES.find((s) => s.name === 'api')!.script;
const ports = { api: await freePort(), metrics: await freePort() };
const child = spawn(process.execPath, ['--import', 'tsx', script], {
  cwd: projectRoot,
  env: { ...process.env, API_HOST: '127.0.0.1', API_PORT: String(ports.api), API_METRICS_PORT: String(ports.metrics) },
  stdio: ['ignore', 'pipe', 'pipe'],
});
const output: string[] = [];
child.stdout.on('data', (b: Buffer) => output.push(b.toString()));
child.stderr.on('data', (b: Buffer) => output.push(b.toString()));
const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
});

/** The answer's status once the server answers at all; the script's output if it exits first. */
async function firstAnswer(url: string) {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    if (child.exitCode !== null) throw new Error(`${script} exited (${child.exitCode}):\n${output.join('')}`);
    const status = await fetch(url).then(
      (r) => r.status,
      () => undefined,
    );
    if (status !== undefined) return status;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within 60 s:\n${output.join('')}`);
}

describe(`${script}, started as npm start starts it`, () => {
  it('serves the API and its metrics on their ports, and stops cleanly on SIGTERM', async () => {
    expect(await firstAnswer(`http://127.0.0.1:${ports.api}/api/captcha`)).toBe(200);
    const metrics = await fetch(`http://127.0.0.1:${ports.metrics}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('process_resident_memory_bytes');

    child.kill('SIGTERM');
    expect(await exited).toEqual([0, null]);
  });
});
