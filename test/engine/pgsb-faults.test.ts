import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resumeIncident } from '../../adapters/camunda/resume-incident.js';
import { applicantDriver } from '../support/applicant.js';
import { startEngineStack, type EngineStack } from '../support/engine-stack.js';

let stack: EngineStack;
let applicant: ReturnType<typeof applicantDriver>;

beforeAll(async () => {
  stack = await startEngineStack({ JOB_RETRY_BACKOFF_MS: '300' });
  applicant = applicantDriver(stack);
});
afterEach(() => stack.sim.clearPgsbFaults());
afterAll(() => stack?.close());

describe('PGSB faults are technical failures, not business outcomes', () => {
  it('a passing fault is retried with back-off and the instance goes on', async () => {
    const { id } = await applicant.begin();
    await stack.sim.pgsbFault('civil-registry', 'error', 2);

    await applicant.submit(id);

    await applicant.step(id, 'otp');
    expect(await stack.db('incidents').where({ registration_id: id })).toEqual([]);
    const inquiries = await stack.db('inquiries').where({ registration_id: id }).orderBy('id');
    expect(inquiries.map((i) => [i.service, i.outcome])).toEqual([['civil-registry', 'match'], ['shahkar', 'match']]);
  });

  it('PGSB down: retries run out, an incident names the failing system; once PGSB is back, resolving it resumes the instance', async () => {
    const { id } = await applicant.begin();
    await stack.sim.pgsbFault('shahkar', 'timeout');

    await applicant.submit(id);

    const incident = await stack.eventually(() => stack.db('incidents').where({ registration_id: id }).first(), (i) => i !== undefined, 30_000);
    expect(incident).toMatchObject({ task_type: 'shahkar-inquiry', element_id: 'Task_Shahkar', error_code: 'PGSB_TIMEOUT', state: 'open' });
    expect((await stack.view(id)).step).toBe('verifying');

    await stack.sim.clearPgsbFaults();
    await resumeIncident(stack.db, stack.zeebe, incident.id, 'test');

    await applicant.step(id, 'otp');
    expect(await stack.db('incidents').where({ id: incident.id }).first()).toMatchObject({ state: 'resolved' });
  });
});
