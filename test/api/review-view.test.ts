import { beforeAll, describe, expect, it } from 'vitest';
import { PROCESS_ID } from '../../adapters/engine/process-model.js';
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
    const { client: applicant, id, person } = await journey.underReview();
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
    // Until the applicant sees the request registered: the account exists a step before the request is closed.
    await journey.untilStep(applicant, id, 'registered');
    const registered = await again();
    expect(registered.status).toBe(409);
    expect(registered.error?.text.fa).toBe('این دستگاه اجرایی پیش‌تر در سامانه ثبت‌نام کرده است.');
  });
});

describe('the queue a page at a time', () => {
  const ids = (page: { items: { registrationId: string }[] }) => page.items.map((i) => i.registrationId);

  it('given three requests under review and pages of two, then page 1 has the two oldest and page 2 the third, each with the total and how many are overdue', async () => {
    // Only these three open: what the earlier tests left waiting ends here, as it would at the file's end.
    for (const p of await ctx.stack.engine.runningInstances(PROCESS_ID)) await ctx.stack.engine.cancel(p.id);
    const oldest = await journey.underReview();
    const middle = await journey.underReview();
    const newest = await journey.underReview();

    const first = (await get('/api/reviews?state=open&page=1&pageSize=2')).json();
    expect(first).toMatchObject({ page: 1, pageSize: 2, total: 3, overdue: 0 });
    expect(ids(first)).toEqual([oldest.id, middle.id]);
    const second = (await get('/api/reviews?state=open&page=2&pageSize=2')).json();
    expect(second).toMatchObject({ page: 2, pageSize: 2, total: 3, overdue: 0 });
    expect(ids(second)).toEqual([newest.id]);
    // A page past the last (the queue shrank since the page was drawn) is empty, and says how many there are.
    expect((await get('/api/reviews?page=3&pageSize=2')).json()).toMatchObject({ items: [], total: 3 });
    // Without paging parameters: the first 50.
    expect((await get('/api/reviews')).json()).toMatchObject({ page: 1, pageSize: 50, total: 3 });

    // Two and a half days on, all three are past REVIEW_REMINDER (P2D): counted overdue on every page.
    ctx.stack.clock.advance(2.5 * 86_400_000);
    try {
      // A staff session lasts a working day: the reviewer signs in again.
      const later = await staffToken(ctx.app, ctx.stack.db, 'reviewer');
      const res = await ctx.app.inject({ url: '/api/reviews?page=2&pageSize=2', ...withToken(later) });
      expect(res.json()).toMatchObject({ total: 3, overdue: 3, items: [{ registrationId: newest.id, overdue: true }] });
    } finally {
      ctx.stack.clock.advance(-2.5 * 86_400_000);
    }
  });

  it.each([
    ['page=0', 'page'],
    ['page=-1', 'page'],
    ['page=1.5', 'page'],
    ['page=abc', 'page'],
    ['page=1000001', 'page'],
    // Ajv coerces these to Infinity after its type check, where its maximum does not apply (found by the fuzz)
    ['page=1e309', 'page'],
    ['pageSize=Infinity', 'pageSize'],
    ['pageSize=0', 'pageSize'],
    ['pageSize=101', 'pageSize'],
    ['pageSize=ten', 'pageSize'],
  ])('given %s, then 422 naming the parameter, in Persian and English', async (query, field) => {
    const res = await get(`/api/reviews?${query}`);

    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      id: 'validation_failed',
      text: { fa: expect.stringContaining('اطلاعات'), en: expect.any(String) },
      fields: [
        { field, id: 'field_invalid', text: { fa: 'مقدار واردشده در این بخش پذیرفتنی نیست.', en: expect.any(String) } },
      ],
    });
  });
});
