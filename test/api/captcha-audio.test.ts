import { beforeAll, describe, expect, it } from 'vitest';
import { accountLogin } from '../support/account-login.js';
import { apiClient, type ApiClient } from '../support/api-client.js';
import { apiJourney } from '../support/api-journey.js';
import { PASSWORD } from '../support/applicant.js';
import { insertAccount } from '../support/database.js';
import { useApiOnStack } from '../support/lifecycle.js';
import { wavFacts } from '../support/wav-facts.js';

const ctx = useApiOnStack();
let journey: ReturnType<typeof apiJourney>;
beforeAll(() => {
  journey = apiJourney(ctx.stack, ctx.app);
});

const audio = (client: ApiClient, id: string) =>
  ctx.app.inject({ url: `/api/captcha/${id}/audio`, remoteAddress: client.address });

/** A captcha passed by ear: the audio is fetched, and the answer typed is what it speaks (read through the test hook). */
async function listen(client: ApiClient) {
  const { id } = (await client.captcha()).body;
  const res = await audio(client, id);
  expect(res.statusCode).toBe(200);
  return { id, heard: await client.captchaAnswer(id), wav: res.rawPayload };
}

describe('GET /api/captcha/:id/audio', () => {
  it('given a new captcha, then a WAV of the answer of several seconds, not cached, served once; an unknown id is 404', async () => {
    const client = apiClient(ctx.app);
    const { id } = (await client.captcha()).body;

    const first = await audio(client, id);
    const again = await audio(client, id);

    expect(first.headers['content-type']).toBe('audio/wav');
    expect(first.headers['cache-control']).toBe('no-store');
    const facts = wavFacts(first.rawPayload);
    expect(facts.rate).toBe(11025);
    expect(facts.seconds).toBeGreaterThan(4);
    expect(facts.seconds).toBeLessThan(12);
    expect([again.statusCode, again.json().error.id]).toEqual([410, 'captcha_audio_used']);
    expect(again.json().error.text.fa).toContain('صدای این کد امنیتی');
    expect((await audio(client, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('card steps 5–6 by ear', () => {
  it('given the answer heard, when submitted, then step 6 passes as with the image; the audio is not served after the check', async () => {
    const { client, id } = await journey.ready();
    const { id: captchaId, heard } = await listen(client);

    const res = await client.submit(id, { password: PASSWORD, captchaId, captcha: heard });

    const view = res.body.step === 'verifying' ? await journey.untilStep(client, id, 'otp') : res.body;
    expect(view.step).toBe('otp');
    expect((await audio(client, captchaId)).statusCode).toBe(410);
  });

  it('given a wrong answer after listening, then 6-1 exactly as with the image: back at the form with captcha_invalid, and a new captcha has its own audio', async () => {
    const { client, id } = await journey.ready();
    const { id: captchaId, heard } = await listen(client);

    const res = await client.submit(id, { password: PASSWORD, captchaId, captcha: `${heard}1` });

    const view = res.body.step === 'verifying' ? await journey.untilStep(client, id, 'applicant-data') : res.body;
    expect(view.step).toBe('applicant-data');
    expect(view.messages.map((m) => m.id)).toEqual(['captcha_invalid']);
    expect((await audio(client, captchaId)).statusCode).toBe(410);
    expect((await listen(client)).wav.length).toBeGreaterThan(44);
  });
});

describe('the account login by ear', () => {
  it('given the answer heard, then the login succeeds; heard wrong, then 422 at the captcha as with the image', async () => {
    const account = await insertAccount(ctx.app.db, PASSWORD);
    const client = apiClient(ctx.app);
    const login = (captchaId: string, captcha: string) =>
      client.call<{ token: string }>('POST', '/api/auth/login', {
        body: { username: account.username, password: PASSWORD, captchaId, captcha },
      });

    const wrong = await listen(client);
    const refused = await login(wrong.id, `${wrong.heard}1`);
    const right = await listen(client);
    const accepted = await login(right.id, right.heard);

    expect([refused.status, refused.error?.fields?.[0]?.id]).toEqual([422, 'captcha_invalid']);
    expect(accepted.status).toBe(200);
    expect((await audio(client, right.id)).statusCode).toBe(410);
    expect((await accountLogin(ctx.app, account.username, PASSWORD)).status).toBe(200);
  });
});
