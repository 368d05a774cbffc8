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
