import { describe, expect, it } from 'vitest';
import { accountCreateWorker } from '../../workers/account-create.js';
import { civilRegistryInquiryWorker } from '../../workers/civil-registry-inquiry.js';
import { notifyApplicantWorker } from '../../workers/notify-applicant.js';
import { otpSendWorker } from '../../workers/otp-send.js';
import { hashSecret } from '../../domain/one-time-code.js';
import { useEngineStack } from '../support/lifecycle.js';
import { seedRegistration } from '../support/database.js';

const ctx = useEngineStack();

// An external task as the engine hands it out; delivered twice (a lost completion, an expired lock), it carries the same id.
const task = (id: string, variables: Record<string, string>, properties: Record<string, string> = {}) => ({
  id,
  topic: 't',
  activityId: 'Task',
  processInstanceId: '1',
  processDefinitionKey: 'agency-registration',
  businessKey: null,
  retries: null,
  variables,
  properties,
});

describe('an external task delivered twice acts once', () => {
  it('civil-registry inquiry: one call over PGSB, the same outcome twice', async () => {
    const { id, applicant } = await seedRegistration(ctx.stack.db);
    await ctx.stack.sim.addCitizen({ ...applicant });
    const before = (await ctx.stack.sim.pgsbCalls('civil-registry')).count;
    const key = `${Date.now()}01`;

    const first = await civilRegistryInquiryWorker.run(task(key, { registrationId: id }), ctx.stack.workerDeps);
    const second = await civilRegistryInquiryWorker.run(task(key, { registrationId: id }), ctx.stack.workerDeps);

    expect(first).toEqual({ civilRegistryOutcome: 'match' });
    expect(second).toEqual(first);
    expect((await ctx.stack.sim.pgsbCalls('civil-registry')).count - before).toBe(1);
  });

  it('account creation: one account, the same id twice', async () => {
    const { id } = await seedRegistration(ctx.stack.db);
    await ctx.stack
      .db('applicant_data')
      .where({ registration_id: id })
      .update({ password_hash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA' });

    const first = await accountCreateWorker.run(task(`${Date.now()}02`, { registrationId: id }), ctx.stack.workerDeps);
    const second = await accountCreateWorker.run(task(`${Date.now()}03`, { registrationId: id }), ctx.stack.workerDeps);

    expect(second).toEqual(first);
    expect(await ctx.stack.db('accounts').where({ registration_id: id })).toHaveLength(1);
  });

  it('notice: the same two notices (SMS and e-mail), queued once', async () => {
    const { id } = await seedRegistration(ctx.stack.db);
    await ctx.stack.db('registrations').where({ id }).update({ outcome_reason: 'other' });

    await notifyApplicantWorker.run(
      task(`${Date.now()}04`, { registrationId: id }, { template: 'rejected' }),
      ctx.stack.workerDeps,
    );
    await notifyApplicantWorker.run(
      task(`${Date.now()}04`, { registrationId: id }, { template: 'rejected' }),
      ctx.stack.workerDeps,
    );

    const rows = await ctx.stack.db('notifications').where({ registration_id: id });
    expect(rows.map((r) => r.channel).sort()).toEqual(['email', 'sms']);
  });

  it('one-time code: one code, its SMS through the notice outbox once, its digits stored nowhere', async () => {
    const { id, applicant } = await seedRegistration(ctx.stack.db);
    const key = `${Date.now()}05`;

    await otpSendWorker.run(task(key, { registrationId: id }), ctx.stack.workerDeps);
    await otpSendWorker.run(task(key, { registrationId: id }), ctx.stack.workerDeps);

    const [code] = await ctx.stack.db('one_time_codes').where({ registration_id: id });
    const notices = await ctx.stack.db('notifications').where({ registration_id: id });
    expect(notices).toEqual([expect.objectContaining({ channel: 'sms', template: 'otp', one_time_code_id: code.id })]);
    const sent = await ctx.stack.eventually(
      () => ctx.stack.db('notifications').where({ id: notices[0].id }).first(),
      (n) => n?.status === 'sent',
    );
    const sms = await ctx.stack.sim.smsTo(applicant.mobile);
    expect(sms.map((m) => m.template)).toEqual(['payam-otp']);
    const digits = /\d{6}/.exec(sms[0]!.text)![0];
    // The code on the phone is the one the API will accept, and the outbox row does not hold it.
    expect(hashSecret(digits, ctx.stack.config.SECRET_PEPPER)).toBe(code.code_hash);
    expect(JSON.stringify(sent)).not.toContain(digits);
    expect((await ctx.stack.db('one_time_codes').where({ id: code.id }).first()).sent_at).not.toBeNull();
    expect((await ctx.stack.db('registrations').where({ id }).first()).status).toBe('otp');
  });
});
