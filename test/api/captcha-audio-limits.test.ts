import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apiClient } from '../support/api-client.js';
import { standaloneApp, type StandaloneApp } from '../support/standalone-app.js';
import { wavFacts } from '../support/wav-facts.js';

const dir = mkdtempSync(path.join(tmpdir(), 'payam-espeak-'));
const apps: StandaloneApp[] = [];
afterAll(async () => {
  for (const a of apps) await a.app.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A stand-in for espeak-ng at a path of its own, as ESPEAK_COMMAND names it. */
function fakeEspeak(name: string, body: string) {
  const file = path.join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

async function appWith(env: Record<string, string>) {
  const a = await standaloneApp(env);
  apps.push(a);
  const client = apiClient(a.app);
  const audio = (id: string) => a.app.inject({ url: `/api/captcha/${id}/audio`, remoteAddress: client.address });
  return { client, audio };
}

describe('the captcha audio: espeak-ng bounded in time and in number', () => {
  it('given one slot and a slow espeak-ng, when two audios are asked at once, then one is spoken and the other is 503 service_unavailable with Retry-After, keeping its audio for later', async () => {
    const slow = fakeEspeak('slow-espeak', 'sleep 2\nexec espeak-ng "$@"');
    const { client, audio } = await appWith({
      ESPEAK_COMMAND: slow,
      ESPEAK_MAX_CONCURRENT: '1',
      ESPEAK_QUEUE_WAIT_MS: '200',
      ESPEAK_TIMEOUT_MS: '20000',
    });
    const [a, b] = [(await client.captcha()).body.id, (await client.captcha()).body.id];

    const [first, second] = await Promise.all([audio(a), audio(b)]);

    expect(first.statusCode).toBe(200);
    expect(wavFacts(first.rawPayload).seconds).toBeGreaterThan(4);
    expect(second.statusCode).toBe(503);
    expect(second.headers['retry-after']).toBe('20');
    const { error } = second.json();
    expect(error.id).toBe('service_unavailable');
    expect(error.text.fa).toContain('دوباره تلاش کنید');
    expect(error.text.en).toContain('please try again');
    // The refused request took no slot and did not use the captcha's one audio.
    const later = await audio(b);
    expect(later.statusCode).toBe(200);
  });

  it('given two slots, when two audios are asked at once, then both are spoken', async () => {
    const slow = fakeEspeak('slow-espeak-2', 'sleep 1\nexec espeak-ng "$@"');
    const { client, audio } = await appWith({
      ESPEAK_COMMAND: slow,
      ESPEAK_MAX_CONCURRENT: '2',
      ESPEAK_QUEUE_WAIT_MS: '0',
    });
    const ids = [(await client.captcha()).body.id, (await client.captcha()).body.id];

    const answers = await Promise.all(ids.map(audio));

    expect(answers.map((r) => r.statusCode)).toEqual([200, 200]);
  });

  it('given an espeak-ng that hangs, when the audio is asked, then it is killed after ESPEAK_TIMEOUT_MS and the answer is 503 captcha_audio_unavailable', async () => {
    const pidFile = path.join(dir, 'hanging.pid');
    const hanging = fakeEspeak('hanging-espeak', `echo $$ > ${pidFile}\nexec sleep 60`);
    const { client, audio } = await appWith({ ESPEAK_COMMAND: hanging, ESPEAK_TIMEOUT_MS: '500' });
    const { id } = (await client.captcha()).body;

    const res = await audio(id);

    expect([res.statusCode, res.json().error.id]).toEqual([503, 'captcha_audio_unavailable']);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
  });
});
