import { describe, expect, it } from 'vitest';
import { apiClient } from '../support/api-client.js';
import { useApiOnStack } from '../support/lifecycle.js';

// Two requests per address and window on each limited route.
const ctx = useApiOnStack(
  {},
  {
    RATE_LIMIT_START_MAX: 2,
    RATE_LIMIT_SUBMIT_MAX: 2,
    RATE_LIMIT_OTP_MAX: 2,
    RATE_LIMIT_CAPTCHA_MAX: 2,
    RATE_LIMIT_LOGIN_MAX: 2,
    RATE_LIMIT_WINDOW_SECONDS: 600,
  },
);

const persianDigits = (s: string) => s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);

const submitBody = {
  password: 'a long passphrase for payam',
  captchaId: '00000000-0000-4000-8000-000000000000',
  captcha: '12345',
};

describe('starting past the limit: a captcha, not a refusal', () => {
  it('given an address that started twice, when it starts again, then 429 captcha_required with Retry-After; another address still starts without', async () => {
    const client = apiClient(ctx.app);
    await client.start();
    await client.start();

    const third = await client.call('POST', '/api/registrations');

    expect(third.status).toBe(429);
    expect(third.error?.id).toBe('captcha_required');
    expect(third.error?.text.fa).toContain('کد امنیتی');
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(500);
    expect((await apiClient(ctx.app).call('POST', '/api/registrations')).status).toBe(201);
  });

  it('given an address past the limit, when it starts with a solved captcha, then 201; a wrong answer is 422 captcha_invalid and uses the challenge up', async () => {
    const client = apiClient(ctx.app);
    await client.start();
    await client.start();
    const wrongChallenge = (await client.captcha()).body;
    const rightAnswer = await client.captchaAnswer(wrongChallenge.id);

    const wrong = await client.call('POST', '/api/registrations', {
      body: { captchaId: wrongChallenge.id, captcha: rightAnswer === '11111' ? '22222' : '11111' },
    });
    const reused = await client.call('POST', '/api/registrations', {
      body: { captchaId: wrongChallenge.id, captcha: rightAnswer },
    });

    expect(wrong.status).toBe(422);
    expect(wrong.error?.fields).toEqual([expect.objectContaining({ field: 'captcha', id: 'captcha_invalid' })]);
    expect(reused.status).toBe(422);

    const challenge = (await client.captcha()).body;
    const started = await client.call<{ token: string; registration: { id: string; step: string } }>(
      'POST',
      '/api/registrations',
      {
        body: { captchaId: challenge.id, captcha: persianDigits(await client.captchaAnswer(challenge.id)) },
      },
    );
    expect(started.status).toBe(201);
    expect(started.body.registration.step).toBe('applicant-data');
    expect(
      (await client.call('GET', `/api/registrations/${started.body.registration.id}`, { token: started.body.token }))
        .status,
    ).toBe(200);
    const again = await client.call('POST', '/api/registrations', {
      body: { captchaId: challenge.id, captcha: await client.captchaAnswer(challenge.id) },
    });
    expect(again.status).toBe(422);
  });
});

describe('rate limits per client address, kept in Redis', () => {
  const routes: [string, (id: string) => ['GET' | 'POST', string, unknown]][] = [
    ['submit', (id) => ['POST', `/api/registrations/${id}/submit`, submitBody]],
    ['code entry', (id) => ['POST', `/api/registrations/${id}/otp`, { code: '123456' }]],
    ['new code', (id) => ['POST', `/api/registrations/${id}/otp/resend`, undefined]],
    ['captcha', () => ['GET', '/api/captcha', undefined]],
    ['staff login', () => ['POST', '/api/staff/login', { username: 'nobody', password: 'not a password' }]],
    ['account login', () => ['POST', '/api/auth/login', { username: 'nobody.0000', ...submitBody }]],
  ];
  it.each(routes)(
    'given two %s requests from an address, when a third comes, then 429 rate_limited',
    async (_name, request) => {
      const client = apiClient(ctx.app);
      const { id } = await client.start();
      const [method, url, body] = request(id);

      const answers = [];
      for (let i = 0; i < 3; i++) answers.push(await client.call(method, url, { body }));

      expect(answers.slice(0, 2).map((a) => a.status)).not.toContain(429);
      expect(answers[2]!.status).toBe(429);
      expect(answers[2]!.error?.id).toBe('rate_limited');
    },
  );
});
