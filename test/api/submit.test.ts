import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../support/api-client.js';
import { apiJourney } from '../support/api-journey.js';
import { newApplicant } from '../../ops/fixtures/applicants.js';
import { useApiOnStack } from '../support/lifecycle.js';

const ctx = useApiOnStack();
let journey: ReturnType<typeof apiJourney>;

beforeAll(() => {
  journey = apiJourney(ctx.stack, ctx.app);
});

const ids = (v: { messages: { id: string }[] }) => v.messages.map((m) => m.id);
const someCaptcha = { captchaId: '00000000-0000-4000-8000-000000000000', captcha: '12345' };

describe('POST /api/registrations/:id/submit before the form is complete', () => {
  it('given neither details nor letter, when submitted, then 409 data_missing naming both', async () => {
    const client = apiClient(ctx.app);
    const { id } = await client.start();

    const res = await client.submit(id, { password: 'a long passphrase for payam', ...someCaptcha });

    expect(res.status).toBe(409);
    expect(res.error).toMatchObject({ id: 'data_missing', missing: ['applicant', 'letter'] });
  });

  it('given details but no letter, when submitted, then 409 letter_missing naming the letter', async () => {
    const client = apiClient(ctx.app);
    const { id } = await client.start();
    await client.saveApplicant(id, newApplicant());

    const res = await client.submit(id, { password: 'a long passphrase for payam', ...someCaptcha });

    expect(res.status).toBe(409);
    expect(res.error).toMatchObject({ id: 'letter_missing', missing: ['letter'] });
  });

  it('given an empty body or a weak password, when submitted, then 422 on each field', async () => {
    const { client, id } = await journey.ready();

    const empty = await client.call('POST', `/api/registrations/${id}/submit`, { body: { captchaId: 'x' } });
    const common = await client.submit(id, { password: 'password1', ...someCaptcha });
    const short = await client.submit(id, { password: 'کوتاه', ...someCaptcha });

    expect(empty.status).toBe(422);
    expect(empty.error?.fields?.map((f) => [f.field, f.id])).toEqual([
      ['password', 'required'],
      ['captcha', 'required'],
      ['captchaId', 'field_invalid'],
    ]);
    expect(common.error?.fields?.map((f) => [f.field, f.id])).toEqual([['password', 'password_common']]);
    expect(short.error?.fields?.map((f) => [f.field, f.id])).toEqual([['password', 'password_too_short']]);
    expect((await client.view(id)).body.step).toBe('applicant-data');
  });
});

describe('card step 6-1: a wrong captcha', () => {
  it('given a complete form, when the captcha is wrong, then the applicant is back at the form with captcha_invalid and the data kept', async () => {
    const { client, id, person } = await journey.ready();

    const res = await journey.submit(client, id, { captchaRight: false });

    const view = res.body.step === 'verifying' ? await journey.untilStep(client, id, 'applicant-data') : res.body;
    expect(res.status).toBe(200);
    expect(view.step).toBe('applicant-data');
    expect(ids(view)).toEqual(['captcha_invalid']);
    expect(view.messages[0]!.text.fa).toContain('کد امنیتی');
    expect(view.data).toMatchObject({ nationalCode: person.nationalCode, agencyName: person.agencyName });
  });
});

describe('a submit the API recorded but never handed to the engine (the API stopped between the two)', () => {
  /** What an API killed after writing "verifying" and before completing the task leaves behind, `ago` back. */
  async function leftVerifying(id: string, ago: string) {
    await ctx.stack.db('submissions').insert({
      id: randomUUID(),
      registration_id: id,
      captcha_id: someCaptcha.captchaId,
      captcha_answer_hash: 'never checked',
    });
    await ctx.stack
      .db('registrations')
      .where({ id })
      .update({ status: 'verifying', updated_at: ctx.stack.db.raw(`now() - interval '${ago}'`) });
  }

  it('given "verifying" standing for minutes while the engine waits at step 3, when the applicant submits again, then the request goes on to the code', async () => {
    const { client, id } = await journey.ready();
    await leftVerifying(id, '3 minutes');

    const view = await client.view(id);
    const res = await journey.submit(client, id);
    const after = res.body.step === 'verifying' ? await journey.untilStep(client, id, 'otp') : res.body;

    expect(view.body.step).toBe('applicant-data');
    expect(res.status).toBe(200);
    expect(after.step).toBe('otp');
    // the submission nobody would ever check is gone, and the take-back is on the record
    const submissions = await ctx.stack.db('submissions').where({ registration_id: id });
    expect(submissions.map((s) => s.captcha_outcome)).toEqual(['valid']);
    const audit = await ctx.stack.db('audit_log').where({ registration_id: id, action: 'stalled_step_taken_back' });
    expect(audit).toHaveLength(1);
  });

  it('given "verifying" written a moment ago (the API may still be handing it over), when the applicant submits again, then 409 and nothing is taken back', async () => {
    const { client, id } = await journey.ready();
    await leftVerifying(id, '5 seconds');

    const res = await journey.submit(client, id);

    expect(res.status).toBe(409);
    expect(res.error).toMatchObject({ id: 'conflict' });
    expect(await ctx.stack.db('submissions').where({ registration_id: id })).toHaveLength(1);
    expect((await ctx.stack.db('registrations').where({ id }).first()).status).toBe('verifying');
  });
});
