import { beforeAll, describe, expect, it } from 'vitest';
import { apiJourney } from '../support/api-journey.js';
import { newAgencyNationalId } from '../../ops/fixtures/applicants.js';
import { useApiOnStack } from '../support/lifecycle.js';
import { staffToken, withToken } from '../support/staff.js';

const ctx = useApiOnStack();
let journey: ReturnType<typeof apiJourney>;
let reviewer: string;

beforeAll(async () => {
  journey = apiJourney(ctx.stack, ctx.app);
  reviewer = await staffToken(ctx.app, ctx.stack.db, 'reviewer');
});

/** Two representatives of one agency, each at step 9-2 with the code on their phone. */
async function twoAtTheCode() {
  const agencyNationalId = newAgencyNationalId();
  const people = [];
  for (let i = 0; i < 2; i++) {
    const r = await journey.ready({ applicant: { agencyNationalId } });
    expect((await journey.submit(r.client, r.id)).status).toBe(200);
    await journey.untilStep(r.client, r.id, 'otp');
    people.push(r);
  }
  return people as [(typeof people)[number], (typeof people)[number]];
}

describe('an agency is held only once its representative is verified (issue 11, item 1)', () => {
  it('given two requests at the code, when both enter it, then the first verified goes to review and the second is sent back to step 3 saying why', async () => {
    const [first, second] = await twoAtTheCode();

    await first.client.enterOtp(first.id, await journey.latestCode(first.person.mobile));
    await journey.untilStep(first.client, first.id, 'under-review');
    await second.client.enterOtp(second.id, await journey.latestCode(second.person.mobile));
    const back = await journey.untilStep(second.client, second.id, 'applicant-data');

    expect(back.messages).toEqual([expect.objectContaining({ id: 'agency_has_open_request', type: 'error' })]);
    expect(back.messages[0]!.text.fa).toBe(
      'برای این دستگاه اجرایی درخواست ثبت‌نامی در حال بررسی است. لطفاً تا اعلام نتیجه منتظر بمانید.',
    );
    expect((await first.client.view(first.id)).body.step).toBe('under-review');
    const queue = (await ctx.app.inject({ url: '/api/reviews?state=open', ...withToken(reviewer) }))
      .json()
      .items.map((i: { registrationId: string }) => i.registrationId);
    expect(queue).toContain(first.id);
    expect(queue).not.toContain(second.id);

    // Submitting again is refused at once, before any inquiry or SMS.
    const again = await journey.submit(second.client, second.id);
    expect(again.status).toBe(409);
    expect(again.error?.fields).toEqual([
      expect.objectContaining({ field: 'agencyNationalId', id: 'agency_has_open_request' }),
    ]);
  });

  it("given competing requests, when the reviewer opens the verified one, then the others are listed with ids, steps and times, and nobody's personal data", async () => {
    const [first, second] = await twoAtTheCode();
    await first.client.enterOtp(first.id, await journey.latestCode(first.person.mobile));
    await journey.untilStep(first.client, first.id, 'under-review');

    const detail = (await ctx.app.inject({ url: `/api/reviews/${first.id}`, ...withToken(reviewer) })).json();

    expect(detail.otherRequests).toEqual([
      {
        registrationId: second.id,
        status: 'otp',
        startedAt: expect.any(String),
        submittedAt: expect.any(String),
        verifiedAt: null,
        closedAt: null,
      },
    ]);
    const listed = JSON.stringify(detail.otherRequests);
    const { nationalCode, mobile, email, firstName, lastName } = second.person;
    for (const value of [nationalCode, mobile, email, firstName, lastName]) expect(listed).not.toContain(value);
  });
});
