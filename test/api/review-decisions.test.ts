import { beforeAll, describe, expect, it } from 'vitest';
import { accountLogin } from '../support/account-login.js';
import { engineRecords } from '../support/engine-records.js';
import { PASSWORD } from '../support/applicant.js';
import { useApiOnStack } from '../support/lifecycle.js';
import { reviewJourney } from '../support/review-journey.js';
import { staffToken, withToken } from '../support/staff.js';

const ctx = useApiOnStack();
let journey: ReturnType<typeof reviewJourney>;
let reviewer: string;
let supervisor: string;
const before = {} as Record<
  'jalali' | 'gregorian',
  Awaited<ReturnType<ReturnType<typeof reviewJourney>['reportTotal']>>
>;
const made = { started: 0, approved: 0, rejected: 0 };

beforeAll(async () => {
  journey = reviewJourney(ctx.stack, ctx.app);
  reviewer = await staffToken(ctx.app, ctx.stack.db, 'reviewer');
  supervisor = await staffToken(ctx.app, ctx.stack.db, 'supervisor');
  for (const calendar of ['jalali', 'gregorian'] as const)
    before[calendar] = await journey.reportTotal(supervisor, calendar);
});

const ways = {
  /** The reviewer page's way: POST /api/reviews/:id/decision. */
  page: async (id: string, decision: 'approve' | 'reject', reason?: string) => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/reviews/${id}/decision`,
      payload: reason ? { decision, reason } : { decision },
      ...withToken(reviewer),
    });
    expect(res.statusCode).toBe(200);
  },
  /** Tasklist's way: the review task's job completed with the form's variables. */
  tasklist: (id: string, decision: 'approve' | 'reject', reason?: string) =>
    ctx.applicant.decide(id, reason ? { decision, rejectionReason: reason } : { decision }),
};

describe.each(['page', 'tasklist'] as const)('a review decided through the %s', (way) => {
  it('approve: registered; the SMS and the e-mail give the username; it logs in with the chosen password, a wrong one gets the generic error', async () => {
    const { client, id, person } = await journey.underReview();
    made.started++;
    await ways[way](id, 'approve');
    made.approved++;

    expect((await journey.untilStep(client, id, 'registered')).step).toBe('registered');
    const username = await journey.usernameFromSms(person.mobile);
    const mail = await ctx.stack.eventually(
      () => ctx.stack.sim.mailTo(person.email),
      (m) => m.length > 0,
    );
    expect(mail[0]!.text).toContain(`نام کاربری: ${username}`);
    expect(mail[0]!.text).toContain('/login');

    const ok = await accountLogin(ctx.app, username, PASSWORD);
    expect(ok.status).toBe(200);
    const me = await ctx.app.inject({ url: '/api/auth/me', ...withToken(ok.body.token) });
    expect(me.json()).toMatchObject({
      username,
      agency: { name: person.agencyName, nationalId: person.agencyNationalId },
    });
    const wrong = await accountLogin(ctx.app, username, 'not what was chosen');
    expect(wrong.status).toBe(401);
    expect(wrong.error).toMatchObject({ id: 'invalid_credentials', text: { fa: 'نام کاربری یا رمز عبور درست نیست.' } });
  });

  it('reject with a reason: the notice gives the reason, no account is made, and the page cannot decide again (409)', async () => {
    const { client, id, person } = await journey.underReview();
    made.started++;
    await ways[way](id, 'reject', 'letter_unsigned');
    made.rejected++;

    expect((await journey.untilStep(client, id, 'rejected')).rejection?.reason).toBe('letter_unsigned');
    const sms = await ctx.stack.eventually(
      () => ctx.stack.sim.smsTo(person.mobile),
      (m) => m.some((x) => x.text.includes('رد شد')),
    );
    expect(sms.at(-1)!.text).toContain('معرفی‌نامه امضا یا مهر ندارد');
    expect(
      (
        await ctx.stack.eventually(
          () => ctx.stack.sim.mailTo(person.email),
          (m) => m.length > 0,
        )
      )[0]!.subject,
    ).toContain('رد شد');
    expect(await ctx.stack.db('accounts').where({ registration_id: id })).toEqual([]);
    const again = await ctx.app.inject({
      method: 'POST',
      url: `/api/reviews/${id}/decision`,
      payload: { decision: 'approve' },
      ...withToken(reviewer),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.id).toBe('review_closed');
  });
});

describe("the supervisor's figures", () => {
  it("count this file's registrations, in both calendars", async () => {
    for (const calendar of ['jalali', 'gregorian'] as const) {
      const after = await journey.reportTotal(supervisor, calendar);
      expect({
        started: after.started - before[calendar].started,
        successful: after.successful - before[calendar].successful,
        rejected: after.unsuccessful.rejected! - before[calendar].unsuccessful.rejected!,
      }).toEqual({ started: made.started, successful: made.approved, rejected: made.rejected });
    }
  });
});

describe('a rejection for "other" reasons, in the reviewer\'s own words (issue 11, item 6)', () => {
  const decide = (id: string, payload: object) =>
    ctx.app.inject({ method: 'POST', url: `/api/reviews/${id}/decision`, payload, ...withToken(reviewer) });

  it('is refused without the words, or with more than 300 characters, naming the field; the request still waits', async () => {
    const { id } = await journey.underReview();

    const none = await decide(id, { decision: 'reject', reason: 'other', reasonText: '  \n ' });
    const long = await decide(id, { decision: 'reject', reason: 'other', reasonText: 'ب'.repeat(301) });

    expect(none.statusCode).toBe(422);
    expect(none.json().error.fields).toEqual([
      expect.objectContaining({ field: 'reasonText', id: 'rejection_text_required' }),
    ]);
    expect(long.statusCode).toBe(422);
    expect(long.json().error.fields).toEqual([
      expect.objectContaining({ field: 'reasonText', id: 'rejection_text_too_long' }),
    ]);
    expect((await ctx.app.inject({ url: `/api/reviews/${id}`, ...withToken(reviewer) })).json().review.open).toBe(true);
  });

  it('tells the applicant the words, as written, in the SMS, the e-mail and the view, and keeps them out of the engine', async () => {
    const { client, id, person } = await journey.underReview();
    const words = 'نامه <b>روی سربرگ</b> دستگاه نیست & امضای "مدیر کل" ندارد';

    const res = await decide(id, { decision: 'reject', reason: 'other', reasonText: `  ${words}\r\n` });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ decision: 'reject', reason: 'other', reasonText: words });
    const view = await journey.untilStep(client, id, 'rejected');
    expect(view.rejection).toEqual({ reason: 'other', text: { fa: words, en: words } });
    const sms = await ctx.stack.eventually(
      () => ctx.stack.sim.smsTo(person.mobile),
      (m) => m.some((x) => x.text.includes('رد شد')),
    );
    expect(sms.at(-1)!.text).toContain(`علت: ${words}.`);
    const mail = await ctx.stack.eventually(
      () => ctx.stack.sim.mailTo(person.email),
      (m) => m.length > 0,
    );
    expect(mail[0]!.text).toContain(`علت: ${words}\n`);
    expect((await ctx.app.inject({ url: `/api/reviews/${id}`, ...withToken(reviewer) })).json().review).toMatchObject({
      rejectionReason: 'other',
      rejectionText: words,
    });
    const kept = await engineRecords(ctx.stack.engine).everything(id);
    expect(kept).toContain('"other"');
    expect(kept).not.toContain('روی سربرگ');
  });
});
