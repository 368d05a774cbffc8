import { describe, expect, it } from 'vitest';
import { apiClient } from '../support/api-client.js';
import { useApiOnStack } from '../support/lifecycle.js';

const ctx = useApiOnStack();

describe('POST /api/registrations (card steps 1–2)', () => {
  it('given a new applicant, when they start, then they get a token and an empty form at applicant-data', async () => {
    const client = apiClient(ctx.app);

    const res = await client.call<{ token: string; registration: Record<string, unknown> }>(
      'POST',
      '/api/registrations',
    );

    expect(res.status).toBe(201);
    expect(res.body.token).toMatch(/^[\w-]{40,}$/);
    expect(res.body.registration).toMatchObject({ step: 'applicant-data', messages: [], data: null, letter: null });
    expect(res.headers['cache-control']).toBe('no-store');
    const row = await ctx.stack.db('registrations').where({ id: res.body.registration.id }).first();
    expect(row.access_token_hash).not.toBe(res.body.token);
    expect(row.process_instance_id).toBeTruthy();
  });
});

describe('the bearer token on every per-registration call', () => {
  it('given a registration, when called without a token or with another one, then 401 unauthorized', async () => {
    const owner = apiClient(ctx.app);
    const { id } = await owner.start();
    const stranger = apiClient(ctx.app);
    await stranger.start();
    const calls = [
      ['GET', `/api/registrations/${id}`],
      ['PUT', `/api/registrations/${id}/applicant`],
      ['GET', `/api/registrations/${id}/letter-template`],
      ['POST', `/api/registrations/${id}/letter`],
      ['POST', `/api/registrations/${id}/submit`],
      ['POST', `/api/registrations/${id}/otp`],
      ['POST', `/api/registrations/${id}/otp/resend`],
    ] as const;

    for (const [method, url] of calls) {
      for (const token of [null, stranger.token!, 'not-a-token']) {
        const res = await owner.call(method, url, { token, body: {} });
        expect({ url, status: res.status, id: res.error?.id }).toEqual({ url, status: 401, id: 'unauthorized' });
        expect(res.error?.text.fa).toMatch(/[\u0600-\u06ff]/);
        expect(res.headers['www-authenticate']).toBe('Bearer');
      }
    }
    expect((await owner.call('GET', `/api/registrations/${id}`, { token: `Basic ${owner.token}` })).status).toBe(401);
    expect((await owner.view(id)).status).toBe(200);
  });

  it('given an id that does not exist or is no UUID, when read, then 404 not_found', async () => {
    const client = apiClient(ctx.app);
    await client.start();

    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', "1' or '1'='1"]) {
      const res = await client.view(encodeURIComponent(id));
      expect(res.status).toBe(404);
      expect(res.error?.id).toBe('not_found');
    }
  });
});
