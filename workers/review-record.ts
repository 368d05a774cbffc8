import { USER_TASKS } from '../adapters/camunda/process-model.js';
import { createAuditRepo } from '../db/audit-repo.js';
import { createUserTasksRepo } from '../db/user-tasks-repo.js';
import { parseReviewDecision } from '../domain/review-decision.js';
import { defineWorker } from './support/define-worker.js';
import { WorkerError } from './support/worker-error.js';

type In = { registrationId: string; decision?: unknown; rejectionReason?: unknown };

/** Stores the review decision, however the task was completed (reviewer API or Tasklist). */
export const reviewRecordWorker = defineWorker<In, Record<string, string>, { reviewDecision: 'approve' | 'reject' }>({
  taskType: 'review-record',
  fetchVariables: ['registrationId', 'decision', 'rejectionReason'],
  async handle(job, { db, now }) {
    const { registrationId } = job.variables;
    const parsed = parseReviewDecision(job.variables.decision, job.variables.rejectionReason);
    // A person completed the task with an impossible decision: an incident, for a person to correct.
    if (!parsed.ok) throw new WorkerError(WorkerError.INVALID_DECISION, `review decision refused: ${parsed.code}`, false);
    const d = parsed.value;
    await db.transaction(async (trx) => {
      // A repeated job finds the decision recorded and changes nothing.
      const recorded = await trx('registrations').where({ id: registrationId }).whereNull('decided_at')
        .update({ decided_at: now(), outcome_reason: d.decision === 'reject' ? d.reason : null, updated_at: now() });
      if (!recorded) return;
      await createUserTasksRepo(db).endAllFor(registrationId, [USER_TASKS.review], 'completed', trx);
      await createAuditRepo(db).record({ registrationId, actor: 'worker:review-record', action: 'review_decided', detail: { decision: d.decision, reason: d.decision === 'reject' ? d.reason : null } }, trx);
    });
    return { reviewDecision: d.decision };
  },
});
