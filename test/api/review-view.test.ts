import { beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../support/api-client.js';
import { letterPdf, newApplicant } from '../../ops/fixtures/applicants.js';
import { useApiOnStack } from '../support/lifecycle.js';
import { reviewJourney } from '../support/review-journey.js';
import { staffToken, withToken } from '../support/staff.js';

const ctx = useApiOnStack();
let journey: ReturnType<typeof reviewJourney>;
let reviewer: string;

beforeAll(async () => {
  journey = reviewJourney(ctx.stack, ctx.app);
  reviewer = await staffToken(ctx.app, ctx.stack.db, 'reviewer');
});

const get = (url: string) => ctx.app.inject({ url, ...withToken(reviewer) });

describe('what the reviewer sees', () => {
  it('given two requests under review, then the queue has both, oldest first, each due REVIEW_REMINDER (2 days) after it arrived', async () => {
    const first = await journey.underReview();
    const second = await journey.underReview();

    const { items } = (await get('/api/reviews?state=open')).json();
    const mine = items.filter((i: { registrationId: string }) => [first.id, second.id].includes(i.registrationId));
    expect(mine.map((i: { registrationId: string }) => i.registrationId)).toEqual([first.id, second.id]);
    expect(mine[0]).toMatchObject({
      agency: { name: first.person.agencyName, nationalId: first.person.agencyNationalId },
      overdue: false,
    });
    expect(new Date(mine[0].dueAt).getTime() - new Date(mine[0].waitingSince).getTime()).toBe(2 * 86_400_000);
    const waits = items.map((i: { waitingSince: string }) => i.waitingSince);
    expect(waits).toEqual([...waits].sort());
  });

  it('given a request, then its data, both inquiries matched, and the letter with its own type, inline, not sniffed, not cached', async () => {
    const { id, person } = await journey.underReview();

    const detail = (await get(`/api/reviews/${id}`)).json();
    expect(detail).toMatchObject({
      registrationId: id,
      status: 'under-review',
      review: { open: true },
      agency: { name: person.agencyName, nationalId: person.agencyNationalId },
      representative: {
        nationalCode: person.nationalCode,
        firstName: person.firstName,
        mobile: person.mobile,
        email: person.email,
      },
      inquiries: { civilRegistry: { outcome: 'match' }, shahkar: { outcome: 'match' } },
      letter: { mimeType: 'application/pdf', sizeBytes: letterPdf.length },
    });
    expect(detail.rejectionReasons.map((r: { id: string }) => r.id)).toContain('letter_unsigned');
    expect(detail.rejectionReasons[0].text.fa).toBe('معرفی‌نامه امضا یا مهر ندارد');

    const letter = await get(`/api/reviews/${id}/letter`);
    expect(letter.statusCode).toBe(200);
    expect(letter.rawPayload.equals(letterPdf)).toBe(true);
    expect(letter.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': "inline; filename*=UTF-8''letter.pdf",
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
  });

  it('given a rejection without a reason, then 422 naming the reason, and the request still waits', async () => {
    const { id } = await journey.underReview();
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/reviews/${id}/decision`,
      payload: { decision: 'reject' },
      ...withToken(reviewer),
    });

    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual([
      expect.objectContaining({
        field: 'reason',
        id: 'rejection_reason_required',
        text: expect.objectContaining({ fa: 'برای رد درخواست، لطفاً علت رد را از فهرست انتخاب کنید.' }),
      }),
    ]);
    expect((await get(`/api/reviews/${id}`)).json().review.open).toBe(true);
  });
});

describe('the same agency twice', () => {
  it('is refused while a request is open, and after it has an account, each time saying why', async () => {
    const { id, person } = await journey.underReview();
    const again = async () => {
      const client = apiClient(ctx.app);
      const { id: second } = await client.start();
      return client.saveApplicant(second, newApplicant({ agencyNationalId: person.agencyNationalId }));
    };

    const whileOpen = await again();
    expect(whileOpen.status).toBe(409);
    expect(whileOpen.error?.fields).toEqual([
      expect.objectContaining({ field: 'agencyNationalId', id: 'agency_has_open_request' }),
    ]);
    expect(whileOpen.error?.text.fa).toBe(
      'برای این دستگاه اجرایی درخواست ثبت‌نامی در حال بررسی است. لطفاً تا اعلام نتیجه منتظر بمانید.',
    );

    await ctx.app.inject({
      method: 'POST',
      url: `/api/reviews/${id}/decision`,
      payload: { decision: 'approve' },
      ...withToken(reviewer),
    });
    // Until the request is closed as registered (card step 12, after the account is made) it still holds the agency,
    // and a second request is told one is under review; waiting for the account row alone raced with that close.
    await ctx.stack.eventually(
      () => ctx.stack.db('registrations').where({ id }).first(),
      (r) => (r as { status: string } | undefined)?.status === 'registered',
    );
    const registered = await again();
    expect(registered.status).toBe(409);
    expect(registered.error?.text.fa).toBe('این دستگاه اجرایی پیش‌تر در سامانه ثبت‌نام کرده است.');
  });
});
