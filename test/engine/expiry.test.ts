import { describe, expect, it } from 'vitest';
import { useEngineStack } from '../support/lifecycle.js';

// The applicant's time limits, shortened by configuration as an operator would set them.
const ctx = useEngineStack({ APPLICANT_TIMEOUT: 'PT4S', OTP_TIMEOUT: 'PT2S' });

describe('an applicant who does not act in time', () => {
  it('at step 3: the instance ends as registration unsuccessful (expired)', async () => {
    const { id } = await ctx.stack.registrations.start();

    const v = await ctx.stack.eventually(
      () => ctx.stack.view(id),
      (x) => x.step === 'expired',
      30_000,
    );

    expect(v.messages.map((m) => m.id)).toEqual(['expired']);
    await expect(ctx.stack.registrations.saveApplicantData(id, {})).rejects.toMatchObject({
      code: 'expired',
      statusCode: 409,
    });
  });

  it('at step 9-2: the code is never entered and the instance ends expired', async () => {
    const { id } = await ctx.applicant.begin();
    await ctx.applicant.submit(id);

    await ctx.applicant.step(id, 'otp');

    await ctx.stack.eventually(
      () => ctx.stack.view(id),
      (x) => x.step === 'expired',
      30_000,
    );
    expect(await ctx.stack.engine.openTasks(id)).toEqual([]);
  });
});
