import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicantDriver } from '../support/applicant.js';
import { startEngineStack, type EngineStack } from '../support/engine-stack.js';

let stack: EngineStack;
let applicant: ReturnType<typeof applicantDriver>;

beforeAll(async () => {
  stack = await startEngineStack();
  applicant = applicantDriver(stack);
});
afterAll(() => stack?.close());

async function underReview() {
  const r = await applicant.begin();
  await applicant.submit(r.id);
  await applicant.step(r.id, 'otp');
  await stack.steps.enterOtp(r.id, await applicant.latestCode(r.applicant.mobile));
  await applicant.step(r.id, 'under-review');
  return r;
}

describe('step 11: the reviewer rejects', () => {
  it('ends unsuccessful with the reason told by SMS and e-mail, and makes no account', async () => {
    const { id, applicant: person } = await underReview();

    await applicant.decide(id, { decision: 'reject', rejectionReason: 'letter_unsigned' });

    const v = await applicant.step(id, 'rejected');
    expect(v.messages.map((m) => m.id)).toEqual(['rejected']);
    expect(v.rejection?.text.fa).toContain('امضا');
    const sms = await stack.eventually(() => stack.sim.smsTo(person.mobile), (m) => m.length >= 2);
    expect(sms.at(-1)!.text).toContain('رد شد');
    const mail = await stack.eventually(() => stack.sim.mailTo(person.email), (m) => m.length >= 1);
    expect(mail[0]!.text).toContain('not signed');
    expect(await stack.db('accounts').where({ registration_id: id })).toEqual([]);
  });

  it('a decision without a reason for rejection becomes an incident, not a guess', async () => {
    const { id } = await underReview();

    await applicant.decide(id, { decision: 'reject' });

    const incident = await stack.eventually(() => stack.db('incidents').where({ registration_id: id }).first(), (i) => i !== undefined);
    expect(incident).toMatchObject({ task_type: 'review-record', error_code: 'INVALID_DECISION', state: 'open' });
    expect((await stack.view(id)).step).toBe('under-review');
  });
});

describe('the same agency twice', () => {
  it('refuses a second open request for the agency, naming why', async () => {
    const { applicant: person } = await applicant.begin();
    const { id: second } = await stack.registrations.start();

    const refused = stack.registrations.saveApplicantData(second, { ...person, nationalCode: person.nationalCode });

    await expect(refused).rejects.toMatchObject({ code: 'agency_has_open_request', statusCode: 409 });
  });
});
