import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountAuth } from '../../api/auth/account-auth.js';
import { createStaffAuth, type StaffPrincipal } from '../../api/auth/staff-auth.js';
import { createReviewService, type ReviewService } from '../../api/reviews/review-service.js';
import { createStaffCommands } from '../../ops/staff-commands.js';
import { applicantDriver, PASSWORD } from '../support/applicant.js';
import { startEngineStack, type EngineStack } from '../support/engine-stack.js';

let stack: EngineStack;
let applicant: ReturnType<typeof applicantDriver>;
let reviews: ReviewService;
let reviewer: StaffPrincipal;

beforeAll(async () => {
  stack = await startEngineStack();
  applicant = applicantDriver(stack);
  const deps = { db: stack.db, config: stack.config, now: () => new Date() };
  reviews = createReviewService({ ...deps, zeebe: stack.zeebe });
  const username = `rev${randomUUID().slice(0, 8)}`;
  await createStaffCommands(stack.db).add(username, 'reviewer', 'reviewing agencies all day long');
  const staffAuth = createStaffAuth(deps);
  reviewer = await staffAuth.verify((await staffAuth.login({ username, password: 'reviewing agencies all day long' })).token);
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

/** What a decision left behind, whichever way it was made. */
async function outcome(id: string) {
  const reg = await stack.db('registrations').where({ id }).first();
  const account = await stack.db('accounts').where({ registration_id: id }).first();
  const recorded = await stack.db('audit_log').where({ registration_id: id, actor: 'worker:review-record', action: 'review_decided' }).first();
  return { status: reg.status, outcomeReason: reg.outcome_reason, hasAccount: Boolean(account), recorded: recorded?.detail, reviewTask: (await stack.db('user_tasks').where({ registration_id: id, element_id: 'Task_Review' }).first()).state };
}

const paths = {
  /** The reviewer page's way: the review service completes the job. */
  api: (id: string, decision: 'approve' | 'reject', reason?: string) => reviews.decide({ registrationId: id, staff: reviewer, decision, reason }),
  /** Tasklist's way: the job completed with the form's variables (rejectionReason only when rejecting). */
  tasklist: (id: string, decision: 'approve' | 'reject', reason?: string) => applicant.decide(id, reason ? { decision, rejectionReason: reason } : { decision }),
};

describe.each(['api', 'tasklist'] as const)('a review decided through the %s', (path) => {
  it('approve: the agency is registered with an account whose password is the one chosen', async () => {
    const { id } = await underReview();
    await paths[path](id, 'approve');
    await applicant.step(id, 'registered');

    expect(await outcome(id)).toEqual({ status: 'registered', outcomeReason: null, hasAccount: true, recorded: { decision: 'approve', reason: null }, reviewTask: 'completed' });
    const account = await stack.db('accounts').where({ registration_id: id }).first();
    const login = createAccountAuth({ db: stack.db, config: stack.config, now: () => new Date() });
    await expect(login.login({ username: account.username, password: PASSWORD })).resolves.toHaveProperty('token');
    await expect(login.login({ username: account.username, password: 'not what was chosen' })).rejects.toMatchObject({ code: 'invalid_credentials' });
  });

  it('reject: unsuccessful with the reason, and no account', async () => {
    const { id } = await underReview();
    await paths[path](id, 'reject', 'letter_mismatch');
    await applicant.step(id, 'rejected');

    expect(await outcome(id)).toEqual({ status: 'rejected', outcomeReason: 'letter_mismatch', hasAccount: false, recorded: { decision: 'reject', reason: 'letter_mismatch' }, reviewTask: 'completed' });
  });
});

describe('the reviewer of a decision', () => {
  it('is in the audit log by staff name; a second decision on the same request is 409 review_closed', async () => {
    const { id } = await underReview();
    await expect(reviews.decide({ registrationId: id, staff: reviewer, decision: 'approve' })).resolves.toEqual({ registrationId: id, decision: 'approve', reason: null });

    const entry = await stack.db('audit_log').where({ registration_id: id, action: 'review_decision_submitted' }).first();
    expect(entry).toMatchObject({ actor: `staff:${reviewer.username}`, detail: { staffId: reviewer.staffId, decision: 'approve', reason: null } });
    await expect(reviews.decide({ registrationId: id, staff: reviewer, decision: 'reject', reason: 'other' })).rejects.toMatchObject({ code: 'review_closed', statusCode: 409 });
    await applicant.step(id, 'registered');
  });

  it('made in Tasklist first leaves the reviewer page a clear 409, not a second decision', async () => {
    const { id } = await underReview();
    await applicant.decide(id, { decision: 'reject', rejectionReason: 'letter_unsigned' });
    await expect(reviews.decide({ registrationId: id, staff: reviewer, decision: 'approve' })).rejects.toMatchObject({ code: 'review_closed', statusCode: 409 });
    await applicant.step(id, 'rejected');
    expect(await stack.db('accounts').where({ registration_id: id })).toEqual([]);
  });
});
