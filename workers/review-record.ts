import { Type } from '@sinclair/typebox';
import { createAuditRepo } from '../db/audit-repo.js';
import { parseReviewDecision } from '../domain/review-decision.js';
import { businessKeyOf } from './support/business-key.js';
import { defineWorker } from './support/define-worker.js';
import { WorkerError } from './support/worker-error.js';
import { TOPICS } from '../adapters/engine/process-model.js';

/**
 * Stores the review decision, however the task was completed (reviewer API or Tasklist), on the
 * registration named by the review instance's business key (the call activity passes the caller's),
 * which nobody working on the task can change, unlike a variable.
 */
export const reviewRecordWorker = defineWorker({
  topic: TOPICS.reviewRecord,
  // The decision is checked below, not here: a wrong one is an incident with a clear reason for a person.
  input: Type.Object({
    decision: Type.Optional(Type.Unknown()),
    rejectionReason: Type.Optional(Type.Unknown()),
  }),
  output: Type.Object({ reviewDecision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]) }),
  async handle(task, { db, now }) {
    const registrationId = businessKeyOf(task);
    const parsed = parseReviewDecision(task.variables.decision, task.variables.rejectionReason);
    // A person completed the task with an impossible decision: an incident, for a person to correct.
    if (!parsed.ok)
      throw new WorkerError(WorkerError.INVALID_DECISION, `review decision refused: ${parsed.code}`, false);
    const d = parsed.value;
    await db.transaction(async (trx) => {
      // A repeated job finds the decision recorded and changes nothing.
      const recorded = await trx('registrations')
        .where({ id: registrationId })
        .whereNull('decided_at')
        .update({ decided_at: now(), outcome_reason: d.decision === 'reject' ? d.reason : null, updated_at: now() });
      if (!recorded) return;
      await createAuditRepo(db).record(
        {
          registrationId,
          actor: 'worker:review-record',
          action: 'review_decided',
          detail: { decision: d.decision, reason: d.decision === 'reject' ? d.reason : null },
        },
        trx,
      );
    });
    return { reviewDecision: d.decision };
  },
});
