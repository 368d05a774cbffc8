import { completeJob, type ZeebeClient } from '../../adapters/camunda/camunda-client.js';
import { USER_TASKS } from '../../adapters/camunda/process-model.js';
import { createAuditRepo } from '../../db/audit-repo.js';
import type { Db } from '../../db/knex.js';
import { createRegistrationsRepo } from '../../db/registrations-repo.js';
import { createUserTasksRepo } from '../../db/user-tasks-repo.js';
import { parseReviewDecision } from '../../domain/review-decision.js';
import type { StaffPrincipal } from '../auth/staff-auth.js';
import { AppError, notFound } from '../errors/app-error.js';
import { jobGone } from '../errors/job-gone.js';

export interface DecisionInput { registrationId: string; staff: StaffPrincipal; decision: unknown; reason?: unknown }

/**
 * Completes the review task's job with the variables Tasklist's form sends (decision, and
 * rejectionReason only when rejecting, as the form hides it otherwise); workers/review-record.ts
 * then stores the decision whichever way it came. The reviewer is recorded here, in the same
 * transaction that is committed only once the engine accepted the completion.
 */
export function createReviewDecider(db: Db, zeebe: ZeebeClient) {
  const tasks = createUserTasksRepo(db);
  const audit = createAuditRepo(db);
  return async function decide({ registrationId, staff, decision, reason }: DecisionInput) {
    const parsed = parseReviewDecision(decision, reason);
    if (!parsed.ok) {
      const field = parsed.code === 'invalid_decision' ? { field: 'decision', code: 'decision_invalid' as const } : { field: 'reason', code: 'rejection_reason_required' as const };
      throw new AppError('validation_failed', 422, [field]);
    }
    const d = parsed.value;
    const reg = await createRegistrationsRepo(db).get(registrationId);
    if (!reg) throw notFound();
    const task = await tasks.openFor(registrationId, [USER_TASKS.review]);
    if (!task) throw new AppError('review_closed', 409, [], { status: reg.status });
    const rejectionReason = d.decision === 'reject' ? d.reason : null;
    await db.transaction(async (trx) => {
      await audit.record({ registrationId, actor: `staff:${staff.username}`, action: 'review_decision_submitted', detail: { staffId: staff.staffId, decision: d.decision, reason: rejectionReason, jobKey: task.job_key } }, trx);
      try {
        await completeJob(zeebe, task.job_key, rejectionReason ? { decision: 'reject', rejectionReason } : { decision: 'approve' });
      } catch (err) {
        // Decided in Tasklist or by a colleague a moment ago, or the instance was cancelled.
        if (jobGone(err)) throw new AppError('review_closed', 409, [], { status: reg.status });
        throw err;
      }
      await tasks.end(task.job_key, 'completed', trx);
    });
    return { registrationId, decision: d.decision, reason: rejectionReason };
  };
}
