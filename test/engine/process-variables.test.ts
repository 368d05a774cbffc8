import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicantDriver, PASSWORD } from '../support/applicant.js';
import { startEngineStack, type EngineStack } from '../support/engine-stack.js';

let stack: EngineStack;
let applicant: ReturnType<typeof applicantDriver>;

// The closing task is left to the test, so it can read every variable of the instance first.
beforeAll(async () => {
  stack = await startEngineStack({}, { withoutWorkers: ['registration-close'] });
  applicant = applicantDriver(stack);
});
afterAll(() => stack?.close());

describe('process variables', () => {
  it('of a finished instance hold ids, counters and outcome codes, never the applicant\'s personal data', async () => {
    const { id, applicant: person } = await applicant.begin();
    await applicant.submit(id, { captchaRight: false });
    await applicant.step(id, 'applicant-data');
    await applicant.submit(id);
    await applicant.step(id, 'otp');
    const code = await applicant.latestCode(person.mobile);
    await stack.steps.enterOtp(id, code);
    await applicant.step(id, 'under-review');
    await applicant.decide(id, { decision: 'approve' });

    // when the instance reaches its last task, every process variable is in scope of that job
    const { jobs } = await stack.eventually(async () => {
      const r = await stack.zeebe.activateJobs({ type: 'registration-close', maxJobsToActivate: 50, timeout: 10_000, worker: 'variables-test', requestTimeout: 2_000 });
      return { jobs: r.filter((j) => j.variables.registrationId === id) };
    }, (r) => r.jobs.length > 0);
    const variables = jobs[0]!.variables as Record<string, unknown>;
    await stack.zeebe.completeJob({ jobKey: jobs[0]!.key, variables: {} });

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
