import { describe, expect, it } from 'vitest';
import { buildApiOnStack, type ApiApp } from '../support/api-app.js';
import { apiClient, type ApiClient } from '../support/api-client.js';
import { letterPdf, newApplicant } from '../../ops/fixtures/applicants.js';
import { useApiOnStack } from '../support/lifecycle.js';

// A grace of a few seconds after the close, as an operator could set it, so the test sees it end.
const GRACE_MS = 4_000;
const ctx = useApiOnStack({}, { APPLICANT_TOKEN_GRACE: 'PT4S' });

/** Everything the applicant's token still opens, with what each answers. */
async function everyRoute(client: ApiClient, id: string) {
  const calls = [
    ['GET', `/api/registrations/${id}`],
    ['PUT', `/api/registrations/${id}/applicant`],
    ['GET', `/api/registrations/${id}/letter-template`],
    ['POST', `/api/registrations/${id}/submit`],
    ['POST', `/api/registrations/${id}/otp`],
    ['DELETE', `/api/registrations/${id}/session`],
  ] as const;
  const answers = [];
  for (const [method, url] of calls)
    answers.push({
      url,
      status: (await client.call(method, url, { body: method === 'GET' || method === 'DELETE' ? undefined : {} }))
        .status,
    });
  return answers;
}

const personalData = (person: Record<string, string>) => [
  person.nationalCode,
  person.mobile,
  person.firstName,
  person.lastName,
  person.email,
  person.agencyNationalId,
];

describe("the applicant's token ends with the request", () => {
  it('given a request that expired, when read within the grace, then only its outcome shows; after the grace the token answers 401', async () => {
    // A time limit at step 3 of a few seconds: the request closes while the applicant looks on.
    let shortApp: ApiApp | undefined;
    try {
      shortApp = await buildApiOnStack(ctx.stack, { APPLICANT_TIMEOUT: 'PT3S', APPLICANT_TOKEN_GRACE: 'PT4S' });
      const client = apiClient(shortApp);
      const person = newApplicant();
      const { id } = await client.start();
      expect((await client.saveApplicant(id, person)).body.data?.nationalCode).toBe(person.nationalCode);
      expect((await client.uploadLetter(id, letterPdf)).status).toBe(200);

      const closed = await ctx.stack.eventually(
        async () => (await client.view(id)).body,
        (v) => v.step === 'expired',
        30_000,
      );

      expect(closed).toMatchObject({ step: 'expired', data: null, letter: null, expiresAt: null });
      expect(closed.messages.map((m) => m.id)).toEqual(['expired']);
      const text = (await client.view(id)).text;
      for (const value of personalData(person)) expect(text).not.toContain(value);
      const letter = await client.call('GET', `/api/registrations/${id}/letter-template`);
      expect({ status: letter.status, id: letter.error?.id }).toEqual({ status: 409, id: 'expired' });
      expect(letter.text).not.toContain(person.agencyName);

      const row = await ctx.stack.db('registrations').where({ id }).first();
      const ended = await ctx.stack.eventually(
        async () => (await client.view(id)).status,
        (s) => s === 401,
        20_000,
      );
      expect(ended).toBe(401);
      expect(Date.now()).toBeGreaterThanOrEqual(new Date(row.closed_at).getTime() + GRACE_MS - 50);
      for (const answer of await everyRoute(client, id)) expect(answer).toEqual({ url: answer.url, status: 401 });
    } finally {
      await shortApp?.close();
    }
  });

  it('given a registered agency, when the applicant reads the outcome, then the username shows and none of the personal data', async () => {
    const { id, token, applicant: person } = await ctx.applicant.untilReview();
    const client = apiClient(ctx.app);
    await ctx.applicant.decide(id, { decision: 'approve' });

    const done = await ctx.stack.eventually(
      async () => (await client.call('GET', `/api/registrations/${id}`, { token })).body,
      (v) => v.step === 'registered',
      30_000,
    );

    expect(done.username).toMatch(/^[a-z0-9.]{3,32}$/);
    expect(done).toMatchObject({ data: null, letter: null });
    expect(done).not.toHaveProperty('otp');
    const text = (await client.call('GET', `/api/registrations/${id}`, { token })).text;
    for (const value of personalData(person)) expect(text).not.toContain(value);
  });
});

describe('leaving (DELETE /api/registrations/:id/session)', () => {
  it('given an applicant with data entered, when they leave, then 204 and from then on their token answers 401 everywhere; the request itself goes on', async () => {
    const client = apiClient(ctx.app);
    const { id } = await client.start();
    await client.saveApplicant(id, newApplicant());

    const left = await client.leave(id);

    expect(left.status).toBe(204);
    expect(left.text).toBe('');
    for (const answer of await everyRoute(client, id)) expect(answer).toEqual({ url: answer.url, status: 401 });
    expect((await client.view(id)).error?.text.fa).toMatch(/[\u0600-\u06ff]/);
    const row = await ctx.stack.db('registrations').where({ id }).first();
    expect(row.status).toBe('applicant-data');
    expect(row.access_token_revoked_at).not.toBeNull();
    const audit = await ctx.stack.db('audit_log').where({ registration_id: id, action: 'applicant_left' });
    expect(audit.map((a) => a.actor)).toEqual(['applicant']);
  });

  it("given a stranger with another registration's token, when they try to end this one, then 401 and the owner goes on", async () => {
    const owner = apiClient(ctx.app);
    const { id } = await owner.start();
    const stranger = apiClient(ctx.app);
    await stranger.start();

    expect((await stranger.leave(id)).status).toBe(401);
    expect((await owner.view(id)).status).toBe(200);
  });

  it('given a closed request within its grace, when the applicant leaves at once, then the outcome is no longer readable', async () => {
    const client = apiClient(ctx.app);
    const { id } = await client.start();
    await ctx.stack
      .db('registrations')
      .where({ id })
      .update({ status: 'expired', outcome: 'expired', closed_at: new Date() });
    expect((await client.view(id)).status).toBe(200);

    expect((await client.leave(id)).status).toBe(204);

    expect((await client.view(id)).status).toBe(401);
  });
});
