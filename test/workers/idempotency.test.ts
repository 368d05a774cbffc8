import { describe, expect, it } from 'vitest';
import { accountCreateWorker } from '../../workers/account-create.js';
import { civilRegistryInquiryWorker } from '../../workers/civil-registry-inquiry.js';
import { notifyApplicantWorker } from '../../workers/notify-applicant.js';
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
});
