import { describe, expect, it } from 'vitest';
import { apiClient } from '../support/api-client.js';
import { useApiOnStack } from '../support/lifecycle.js';

// Two requests per address and window on each limited route.
const ctx = useApiOnStack({}, {
  RATE_LIMIT_START_MAX: 2, RATE_LIMIT_SUBMIT_MAX: 2, RATE_LIMIT_OTP_MAX: 2, RATE_LIMIT_CAPTCHA_MAX: 2, RATE_LIMIT_LOGIN_MAX: 2, RATE_LIMIT_WINDOW_SECONDS: 600,
});

const submitBody = { password: 'a long passphrase for payam', captchaId: '00000000-0000-4000-8000-000000000000', captcha: '12345' };

describe('rate limits per client address, kept in Redis', () => {
  it('given an address that started twice, when it starts again, then 429 rate_limited with Retry-After; another address still starts', async () => {
    const client = apiClient(ctx.app);
    await client.start();
    await client.start();

    const third = await client.call('POST', '/api/registrations');

    expect(third.status).toBe(429);
    expect(third.error?.id).toBe('rate_limited');
    expect(third.error?.text.fa).toContain('چند دقیقه');
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(500);
    expect((await apiClient(ctx.app).call('POST', '/api/registrations')).status).toBe(201);
    const [key] = await ctx.app.redis.keys(`test:*${client.address}`);
    expect(await ctx.app.redis.get(key!)).toBe('3');
  });

  const routes: [string, (id: string) => ['GET' | 'POST', string, unknown]][] = [
    ['submit', (id) => ['POST', `/api/registrations/${id}/submit`, submitBody]],
    ['code entry', (id) => ['POST', `/api/registrations/${id}/otp`, { code: '123456' }]],
    ['new code', (id) => ['POST', `/api/registrations/${id}/otp/resend`, undefined]],
    ['captcha', () => ['GET', '/api/captcha', undefined]],
    ['staff login', () => ['POST', '/api/staff/login', { username: 'nobody', password: 'not a password' }]],
    ['account login', () => ['POST', '/api/auth/login', { username: 'nobody.0000', ...submitBody }]],
  ];
  it.each(routes)('given two %s requests from an address, when a third comes, then 429 rate_limited', async (_name, request) => {
    const client = apiClient(ctx.app);
    const { id } = await client.start();
    const [method, url, body] = request(id);

    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await client.call(method, url, { body }));

    expect(answers.slice(0, 2).map((a) => a.status)).not.toContain(429);
    expect(answers[2]!.status).toBe(429);
    expect(answers[2]!.error?.id).toBe('rate_limited');
  });
});
