import { afterEach, describe, expect, it } from 'vitest';
import { engineRecords } from '../support/engine-records.js';
import { useEngineStack } from '../support/lifecycle.js';

// A Cockpit retry wakes no long poll: the worker sees the task at its next poll, so polls are short here.
const ctx = useEngineStack({ JOB_RETRY_BACKOFF_MS: '300', ENGINE_LONG_POLL_MS: '2000' });
afterEach(() => ctx.stack.sim.clearPgsbFaults());

describe('PGSB faults are technical failures, not business outcomes', () => {
  it('a passing fault is retried with back-off and the instance goes on', async () => {
    const { id } = await ctx.applicant.begin();
    await ctx.stack.sim.pgsbFault('civil-registry', 'error', 2);

    await ctx.applicant.submit(id);

    await ctx.applicant.step(id, 'otp');
    expect(await engineRecords(ctx.stack.engine).incidents(id, false)).toEqual([]);
    const inquiries = await ctx.stack.db('inquiries').where({ registration_id: id }).orderBy('id');
    expect(inquiries.map((i) => [i.service, i.outcome])).toEqual([
      ['civil-registry', 'match'],
      ['shahkar', 'match'],
    ]);
  });

  it('PGSB down: retries run out, the engine raises an incident naming PGSB; once PGSB is back, a retry as Cockpit does it finishes the step', async () => {
    const { id } = await ctx.applicant.begin();
    await ctx.stack.sim.pgsbFault('shahkar', 'timeout');

    await ctx.applicant.submit(id);

    const [incident] = await ctx.stack.eventually(
      () => engineRecords(ctx.stack.engine).incidents(id),
      (i) => i.length > 0,
      40_000,
    );
    expect(incident).toMatchObject({ activityId: 'Task_Shahkar', incidentType: 'failedExternalTask' });
    expect(incident!.incidentMessage).toMatch(/^PGSB_TIMEOUT: /);
    expect((await ctx.stack.view(id)).step).toBe('verifying');

    // Cockpit's "retry" on the incident sets the external task's retries again.
    await ctx.stack.sim.clearPgsbFaults();
    await ctx.stack.engine.setExternalTaskRetries(incident!.configuration!, 1);

    await ctx.applicant.step(id, 'otp');
    expect(await engineRecords(ctx.stack.engine).incidents(id)).toEqual([]);
  });
});
