import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicantDriver } from '../support/applicant.js';
import { startEngineStack, type EngineStack } from '../support/engine-stack.js';

let stack: EngineStack;
let applicant: ReturnType<typeof applicantDriver>;

beforeAll(async () => {
  // The applicant's time limits, shortened by configuration as an operator would set them.
  stack = await startEngineStack({ APPLICANT_TIMEOUT: 'PT4S', OTP_TIMEOUT: 'PT2S' });
  applicant = applicantDriver(stack);
});
afterAll(() => stack?.close());

describe('an applicant who does not act in time', () => {
  it('at step 3: the instance ends as registration unsuccessful (expired)', async () => {
    const { id } = await stack.registrations.start();

    const v = await stack.eventually(() => stack.view(id), (x) => x.step === 'expired', 30_000);

    expect(v.messages.map((m) => m.id)).toEqual(['expired']);
    await expect(stack.registrations.saveApplicantData(id, {})).rejects.toMatchObject({ code: 'expired', statusCode: 409 });
  });

  it('at step 9-2: the code is never entered and the instance ends expired', async () => {
    const { id } = await applicant.begin();
    await applicant.submit(id);

    await applicant.step(id, 'otp');

    await stack.eventually(() => stack.view(id), (x) => x.step === 'expired', 30_000);
    const tasks = await stack.db('user_tasks').where({ registration_id: id, state: 'open' });
    expect(tasks).toEqual([]);
  });
});
