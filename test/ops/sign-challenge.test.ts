import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCmsSignature } from '../../adapters/certificates/check-signature.js';
import { createCrlCache } from '../../adapters/certificates/crl-cache.js';
import { loadTrustAnchors } from '../../adapters/certificates/trust-anchors.js';
import { main as signChallenge } from '../../ops/sign-challenge.js';
import { startCaSimulator } from '../simulators/ca/ca-client.js';

const run = promisify(execFile);
let sim: Awaited<ReturnType<typeof startCaSimulator>>;
beforeAll(async () => {
  sim = await startCaSimulator();
});
afterAll(() => sim.app.close());

type Body = { challengeId: string; signature: string };

/** `npm run cert:sign-challenge -- …` called in process (its `main`): the JSON body it prints. */
async function cli(args: string[], env: Record<string, string> = {}): Promise<Body> {
  const printed: string[] = [];
  const code = await signChallenge(args, {
    env: { ...process.env, ...env },
    print: (l) => printed.push(l),
    printError: (l) => printed.push(l),
  });
  if (code !== 0) throw new Error(`exit ${code}: ${printed.join('\n')}`);
  return JSON.parse(printed.join('\n')) as Body;
}

/** The same, started as a child process, as the shell does. */
const cliInChild = (args: string[], env: Record<string, string> = {}) =>
  run('npx', ['tsx', 'ops/sign-challenge.ts', ...args], { env: { ...process.env, ...env } }).then(
    (r) => JSON.parse(r.stdout) as Body,
  );

async function valid(body: { signature: string }, challenge: string) {
  const anchors = await loadTrustAnchors([sim.client.rootFile], [sim.client.intermediateFile]);
  const r = await checkCmsSignature(Buffer.from(body.signature, 'base64'), new TextEncoder().encode(challenge), {
    anchors,
    crls: createCrlCache({ timeoutMs: 1000 }),
    at: new Date(),
    kinds: ['seal-government'],
    agencyNationalId: '14000000001',
  });
  return r.outcome;
}

describe('npm run cert:sign-challenge', () => {
  it('signs a challenge from a PKCS#12 file (as OpenSSL exports one, password from P12_PASSWORD) and from PEM files; the signature checks out', async () => {
    const cert = await sim.client.issue();
    const dir = path.dirname(sim.dir);
    const [key, crt, chain, p12] = ['seal.key.pem', 'seal.crt.pem', 'chain.pem', 'seal.p12'].map((f) =>
      path.join(dir, f),
    ) as [string, string, string, string];
    await writeFile(key, cert.privateKeyPem);
    await writeFile(crt, cert.certificatePem);
    await writeFile(chain, cert.chainPem);
    await run('openssl', [
      'pkcs12',
      '-export',
      '-inkey',
      key,
      '-in',
      crt,
      '-certfile',
      chain,
      '-passout',
      'pass:token PIN 1234',
      '-out',
      p12,
    ]);
    const challenge = 'payam-iran/login/00000000-0000-4000-8000-000000000000/abc';

    const fromP12 = await cliInChild(
      ['--p12', p12, '--challenge-id', '00000000-0000-4000-8000-000000000000', '--challenge', challenge],
      { P12_PASSWORD: 'token PIN 1234' },
    );
    expect(fromP12.challengeId).toBe('00000000-0000-4000-8000-000000000000');
    expect(await valid(fromP12, challenge)).toBe('valid');

    const fromPem = await cli([
      '--key',
      key,
      '--cert',
      crt,
      '--challenge-id',
      '00000000-0000-4000-8000-000000000000',
      '--challenge',
      challenge,
    ]);
    expect(await valid(fromPem, challenge)).toBe('valid');

    await expect(
      cli(['--p12', p12, '--challenge-id', 'x', '--challenge', challenge], { P12_PASSWORD: 'wrong' }),
    ).rejects.toThrow();
  }, 60_000);
});
