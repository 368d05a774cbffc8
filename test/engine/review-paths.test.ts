import { describe, expect, it } from 'vitest';
import { engineRecords } from '../support/engine-records.js';
import { useEngineStack } from '../support/lifecycle.js';

const ctx = useEngineStack();

describe('step 11: the reviewer rejects', () => {
  it('ends unsuccessful with the reason told by SMS and e-mail, and makes no account', async () => {
    const { id, applicant: person } = await ctx.applicant.untilReview();

    await ctx.applicant.decide(id, { decision: 'reject', rejectionReason: 'letter_unsigned' });

    const v = await ctx.applicant.step(id, 'rejected');
    expect(v.messages.map((m) => m.id)).toEqual(['rejected']);
    expect(v.rejection?.text.fa).toContain('امضا');
    const sms = await ctx.stack.eventually(
      () => ctx.stack.sim.smsTo(person.mobile),
      (m) => m.length >= 2,
    );
    expect(sms.at(-1)!.text).toContain('رد شد');
    const mail = await ctx.stack.eventually(
      () => ctx.stack.sim.mailTo(person.email),
      (m) => m.length >= 1,
    );
    expect(mail[0]!.text).toContain('not signed');
    expect(await ctx.stack.db('accounts').where({ registration_id: id })).toEqual([]);
  });

  it('a decision without a reason for rejection becomes an incident, not a guess', async () => {
    const { id } = await ctx.applicant.untilReview();

    await ctx.applicant.decide(id, { decision: 'reject' });

    const [incident] = await ctx.stack.eventually(
      () => engineRecords(ctx.stack.engine).incidents(id),
      (i) => i.length > 0,
    );
    expect(incident).toMatchObject({ activityId: 'Task_RecordDecision', incidentType: 'failedExternalTask' });
    expect(incident!.incidentMessage).toMatch(/^INVALID_DECISION: /);
    expect((await ctx.stack.view(id)).step).toBe('under-review');
  });
});

describe('the same agency twice', () => {
  it('refuses a second request for an agency whose verified request is open, naming why', async () => {
    const { applicant: person } = await ctx.applicant.untilReview();
    const { id: second } = await ctx.stack.registrations.start();

    const refused = ctx.stack.registrations.saveApplicantData(second, { ...person, nationalCode: person.nationalCode });

    await expect(refused).rejects.toMatchObject({ code: 'agency_has_open_request', statusCode: 409 });
  });
});
