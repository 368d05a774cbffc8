import { afterEach, describe, expect, it } from 'vitest';
import { resumeIncident } from '../../adapters/camunda/resume-incident.js';
import { useEngineStack } from '../support/lifecycle.js';

const ctx = useEngineStack({ JOB_RETRY_BACKOFF_MS: '300' });
afterEach(() => ctx.stack.sim.clearPgsbFaults());

describe('PGSB faults are technical failures, not business outcomes', () => {
  it('a passing fault is retried with back-off and the instance goes on', async () => {
    const { id } = await ctx.applicant.begin();
    await ctx.stack.sim.pgsbFault('civil-registry', 'error', 2);

    await ctx.applicant.submit(id);

    await ctx.applicant.step(id, 'otp');
    expect(await ctx.stack.db('incidents').where({ registration_id: id })).toEqual([]);
    const inquiries = await ctx.stack.db('inquiries').where({ registration_id: id }).orderBy('id');
    expect(inquiries.map((i) => [i.service, i.outcome])).toEqual([['civil-registry', 'match'], ['shahkar', 'match']]);
  });

  it('PGSB down: retries run out, an incident names the failing system; once PGSB is back, resolving it resumes the instance', async () => {
    const { id } = await ctx.applicant.begin();
    await ctx.stack.sim.pgsbFault('shahkar', 'timeout');

    await ctx.applicant.submit(id);

    const incident = await ctx.stack.eventually(() => ctx.stack.db('incidents').where({ registration_id: id }).first(), (i) => i !== undefined, 30_000);
    expect(incident).toMatchObject({ task_type: 'shahkar-inquiry', element_id: 'Task_Shahkar', error_code: 'PGSB_TIMEOUT', state: 'open' });
    expect((await ctx.stack.view(id)).step).toBe('verifying');

    await ctx.stack.sim.clearPgsbFaults();
    await resumeIncident(ctx.stack.db, ctx.stack.zeebe, incident.id, 'test');

    await ctx.applicant.step(id, 'otp');
    expect(await ctx.stack.db('incidents').where({ id: incident.id }).first()).toMatchObject({ state: 'resolved' });
  });
});
