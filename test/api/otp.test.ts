import { beforeAll, describe, expect, it } from 'vitest';
import { buildApiOnStack } from '../support/api-app.js';
import { apiClient } from '../support/api-client.js';
import { apiJourney } from '../support/api-journey.js';
import { useApiOnStack } from '../support/lifecycle.js';

const ctx = useApiOnStack();
let journey: ReturnType<typeof apiJourney>;

beforeAll(() => {
  journey = apiJourney(ctx.stack, ctx.app);
});

const ids = (v: { messages: { id: string }[] }) => v.messages.map((m) => m.id);

describe('card steps 4–10 through the API', () => {
  it('given a known applicant, when they submit, enter a wrong code and then the right one, then the request waits for review', async () => {
    const { client, id, person } = await journey.ready();

    const submitted = await journey.submit(client, id);
    expect(submitted.status).toBe(200);
    const otp = submitted.body.step === 'verifying' ? await journey.untilStep(client, id, 'otp') : submitted.body;
    expect(otp.step).toBe('otp');
    expect(otp.otp).toMatchObject({
      sentTo: `${person.mobile.slice(0, 4)}***${person.mobile.slice(-4)}`,
      wrongAttempts: 0,
      maxWrongAttempts: 3,
    });

    const code = await journey.latestCode(person.mobile);
    const wrong = await client.enterOtp(id, code === '000000' ? '111111' : '000000');
    const again = wrong.body.step === 'verifying' ? await journey.untilStep(client, id, 'otp') : wrong.body;
    expect(ids(again)).toEqual(['otp_invalid']);
    expect(again.otp?.wrongAttempts).toBe(1);

    const right = await client.enterOtp(
      id,
      (await journey.latestCode(person.mobile, 2)).replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d))),
    );
    const review = right.body.step === 'verifying' ? await journey.untilStep(client, id, 'under-review') : right.body;
    expect(review.step).toBe('under-review');
    expect(ids(review)).toEqual(['under_review']);
    expect(review.data).not.toHaveProperty('passwordHash');
  });

  it('given the code step, when a new code is asked for, then another SMS arrives and the view stays at otp', async () => {
    const { client, id, person } = await journey.ready();
    await journey.submit(client, id);
    await journey.untilStep(client, id, 'otp');
    await journey.latestCode(person.mobile);

    const res = await client.resendOtp(id);

    const view = res.body.step === 'verifying' ? await journey.untilStep(client, id, 'otp') : res.body;
    expect(res.status).toBe(200);
    expect(view.step).toBe('otp');
    expect(
      await ctx.stack.eventually(
        () => ctx.stack.sim.smsTo(person.mobile),
        (m) => m.length >= 2,
      ),
    ).toHaveLength(2);
  });

  it('given the form step, when a code is entered or asked for, then 409 naming the step', async () => {
    const client = apiClient(ctx.app);
    const { id } = await client.start();

    for (const res of [await client.enterOtp(id, '123456'), await client.resendOtp(id)]) {
      expect(res.status).toBe(409);
      expect(res.error).toMatchObject({ id: 'conflict', step: 'applicant-data' });
    }
  });
});

describe('the cool-down before a new code', () => {
  it('given a code just sent, when a new one is asked for at once, then 429 otp_resend_too_soon with when to retry', async () => {
    const slow = await buildApiOnStack(ctx.stack, { OTP_RESEND_COOLDOWN_SECONDS: 60 });
    try {
      const { client, id, person } = await apiJourney(ctx.stack, slow).ready({ client: apiClient(slow) });
      await apiJourney(ctx.stack, slow).submit(client, id);
      const otp = await journey.untilStep(client, id, 'otp');
      await journey.latestCode(person.mobile);

      const res = await client.resendOtp(id);

      expect(res.status).toBe(429);
      expect(res.error?.id).toBe('otp_resend_too_soon');
      expect(res.error?.retryAt).toBe(otp.otp?.resendAvailableAt);
      expect(new Date(res.error!.retryAt!).getTime()).toBeGreaterThan(Date.now() + 50_000);
      expect((await client.view(id)).body.step).toBe('otp');
    } finally {
      await slow.close();
    }
  });
});
