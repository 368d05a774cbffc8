import { describe, expect, it } from 'vitest';
import { PASSWORD } from '../support/applicant.js';
import { useEngineStack } from '../support/lifecycle.js';

// The closing task is left to the test, so it can read every variable of the instance first.
const ctx = useEngineStack({}, { withoutWorkers: ['registration-close'] });

describe('process variables', () => {
  it('of a finished instance hold ids, counters and outcome codes, never the applicant\'s personal data', async () => {
    const { id, applicant: person } = await ctx.applicant.begin();
    await ctx.applicant.submit(id, { captchaRight: false });
    await ctx.applicant.step(id, 'applicant-data');
    await ctx.applicant.submit(id);
    await ctx.applicant.step(id, 'otp');
    const code = await ctx.applicant.latestCode(person.mobile);
    await ctx.stack.steps.enterOtp(id, code);
    await ctx.applicant.step(id, 'under-review');
    await ctx.applicant.decide(id, { decision: 'approve' });

    // when the instance reaches its last task, every process variable is in scope of that job
    const { jobs } = await ctx.stack.eventually(async () => {
      const r = await ctx.stack.zeebe.activateJobs({ type: 'registration-close', maxJobsToActivate: 50, timeout: 10_000, worker: 'variables-test', requestTimeout: 2_000 });
      return { jobs: r.filter((j) => j.variables.registrationId === id) };
    }, (r) => r.jobs.length > 0);
    const variables = jobs[0]!.variables as Record<string, unknown>;
    await ctx.stack.zeebe.completeJob({ jobKey: jobs[0]!.key, variables: {} });

    const text = JSON.stringify(variables);
    for (const secret of [person.nationalCode, person.mobile, person.mobile.slice(1), person.email, person.firstName, person.lastName, person.birthDate, PASSWORD, code]) {
      expect(text).not.toContain(secret);
    }
    expect(Object.keys(variables).sort()).toEqual([
      'accountId', 'applicantTimeout', 'captchaOutcome', 'civilRegistryOutcome', 'notified', 'otpAction', 'otpEntryId',
      'otpOutcome', 'otpSentAt', 'otpTimeout', 'otpWrongCount', 'registrationId', 'reviewDecision', 'reviewReminder',
      'shahkarOutcome', 'submissionId',
    ]);
  });
});
