import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAccountAuth } from '../../api/auth/account-auth.js';
import { createStaffAuth, type StaffPrincipal } from '../../api/auth/staff-auth.js';
import { createReviewService, type ReviewService } from '../../api/reviews/review-service.js';
import { createStaffCommands } from '../../ops/staff-commands.js';
import { staffIdentity } from '../../adapters/engine/connect.js';
import { USER_TASKS } from '../../adapters/engine/process-model.js';
import { PASSWORD } from '../support/applicant.js';
import { engineAsAdmin } from '../support/engine-as.js';
import { useEngineStack } from '../support/lifecycle.js';

const ctx = useEngineStack();
let reviews: ReviewService;
let reviewer: StaffPrincipal;

beforeAll(async () => {
  const deps = { db: ctx.stack.db, config: ctx.stack.config, now: () => new Date() };
  reviews = createReviewService({ ...deps, engine: ctx.stack.engine });
  const username = `rev${randomUUID().slice(0, 8)}`;
  await createStaffCommands(ctx.stack.db, staffIdentity(ctx.stack.config)).add(
    username,
    'reviewer',
    'reviewing agencies all day long',
  );
  const staffAuth = createStaffAuth(deps);
  reviewer = await staffAuth.verify(
    (await staffAuth.login({ username, password: 'reviewing agencies all day long' })).token,
  );
});

/** The review task as the engine's history has it: completed, or deleted (a timer, a cancellation). */
async function reviewTaskState(id: string) {
  const [task] = await ctx.stack.engine.historicTasks({
    processInstanceBusinessKey: id,
    taskDefinitionKey: 'Task_Review',
  });
  return task?.deleteReason ?? 'open';
}

/** What a decision left behind, whichever way it was made. */
async function outcome(id: string) {
  const reg = await ctx.stack.db('registrations').where({ id }).first();
  const account = await ctx.stack.db('accounts').where({ registration_id: id }).first();
  const recorded = await ctx.stack
    .db('audit_log')
    .where({ registration_id: id, actor: 'worker:review-record', action: 'review_decided' })
    .first();
  return {
    status: reg.status,
    outcomeReason: reg.outcome_reason,
    hasAccount: Boolean(account),
    recorded: recorded?.detail,
    reviewTask: await reviewTaskState(id),
  };
}

const paths = {
  /** The reviewer page's way: the review service completes the engine's task. */
  api: (id: string, decision: 'approve' | 'reject', reason?: string) =>
    reviews.decide({ registrationId: id, staff: reviewer, decision, reason }),
  /** Tasklist's way: the task completed through the engine with the form's variables (rejectionReason only when rejecting). */
  tasklist: (id: string, decision: 'approve' | 'reject', reason?: string) =>
    ctx.applicant.decide(id, reason ? { decision, rejectionReason: reason } : { decision }),
};

describe.each(['api', 'tasklist'] as const)('a review decided through the %s', (path) => {
  it('approve: the agency is registered with an account whose password is the one chosen', async () => {
    const { id } = await ctx.applicant.untilReview();
    await paths[path](id, 'approve');
    await ctx.applicant.step(id, 'registered');

    expect(await outcome(id)).toEqual({
      status: 'registered',
      outcomeReason: null,
      hasAccount: true,
      recorded: { decision: 'approve', reason: null },
      reviewTask: 'completed',
    });
    const account = await ctx.stack.db('accounts').where({ registration_id: id }).first();
    const login = createAccountAuth({ db: ctx.stack.db, config: ctx.stack.config, now: () => new Date() });
    await expect(login.login({ username: account.username, password: PASSWORD })).resolves.toHaveProperty('token');
    await expect(login.login({ username: account.username, password: 'not what was chosen' })).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
  });

  it('reject: unsuccessful with the reason, and no account', async () => {
    const { id } = await ctx.applicant.untilReview();
    await paths[path](id, 'reject', 'letter_mismatch');
    await ctx.applicant.step(id, 'rejected');

    expect(await outcome(id)).toEqual({
      status: 'rejected',
      outcomeReason: 'letter_mismatch',
      hasAccount: false,
      recorded: { decision: 'reject', reason: 'letter_mismatch' },
      reviewTask: 'completed',
    });
  });
});

describe('the registration a decision lands on', () => {
  it("is the review instance's business key, even when its registrationId variable names another registration", async () => {
    const a = await ctx.applicant.untilReview();
    const b = await ctx.applicant.untilReview();
    // given: A's review instance carries B's id in its variable (as someone able to set variables could make it)
    const [task] = await ctx.stack.engine.openTasks(a.id, [USER_TASKS.review]);
    const set = await engineAsAdmin().put(`/process-instance/${task!.processInstanceId}/variables/registrationId`, {
      value: b.id,
      type: 'String',
    });
    expect(set.status).toBe(204);

    // when: A's review is decided
    await reviews.decide({ registrationId: a.id, staff: reviewer, decision: 'reject', reason: 'letter_mismatch' });

    // then: A is rejected; B still waits for its own review, undecided
    await ctx.applicant.step(a.id, 'rejected');
    expect((await outcome(a.id)).recorded).toEqual({ decision: 'reject', reason: 'letter_mismatch' });
    expect(await outcome(b.id)).toMatchObject({ status: 'under-review', outcomeReason: null, recorded: undefined });
    expect((await ctx.stack.db('registrations').where({ id: b.id }).first()).decided_at).toBeNull();
  });
});

describe('the reviewer of a decision', () => {
  it('is in the audit log by staff name; a second decision on the same request is 409 review_closed', async () => {
    const { id } = await ctx.applicant.untilReview();
    await expect(reviews.decide({ registrationId: id, staff: reviewer, decision: 'approve' })).resolves.toEqual({
      registrationId: id,
      decision: 'approve',
      reason: null,
      reasonText: null,
    });

    const entry = await ctx.stack
      .db('audit_log')
      .where({ registration_id: id, action: 'review_decision_submitted' })
      .first();
    expect(entry).toMatchObject({
      actor: `staff:${reviewer.username}`,
      detail: { staffId: reviewer.staffId, decision: 'approve', reason: null },
    });
    await expect(
      reviews.decide({
        registrationId: id,
        staff: reviewer,
        decision: 'reject',
        reason: 'other',
        reasonText: 'too late',
      }),
    ).rejects.toMatchObject({ code: 'review_closed', statusCode: 409 });
    await ctx.applicant.step(id, 'registered');
  });

  it('made in Tasklist first leaves the reviewer page a clear 409, not a second decision', async () => {
    const { id } = await ctx.applicant.untilReview();
    await ctx.applicant.decide(id, { decision: 'reject', rejectionReason: 'letter_unsigned' });
    await expect(reviews.decide({ registrationId: id, staff: reviewer, decision: 'approve' })).rejects.toMatchObject({
      code: 'review_closed',
      statusCode: 409,
    });
    await ctx.applicant.step(id, 'rejected');
    expect(await ctx.stack.db('accounts').where({ registration_id: id })).toEqual([]);
  });
});
