import { TaskGoneError, type ProcessEngine } from '../../adapters/engine/process-engine.js';
import { USER_TASKS } from '../../adapters/engine/process-model.js';
import { createAuditRepo } from '../../db/audit-repo.js';
import type { Db } from '../../db/knex.js';
import { createRegistrationsRepo } from '../../db/registrations-repo.js';
import { parseRejectionText, parseReviewDecision } from '../../domain/review-decision.js';
import type { StaffPrincipal } from '../auth/staff-auth.js';
import { AppError, notFound } from '../errors/app-error.js';

export interface DecisionInput {
  registrationId: string;
  staff: StaffPrincipal;
  decision: unknown;
  reason?: unknown;
  reasonText?: unknown;
}

/**
 * Completes the engine's review task with the variables Tasklist's form sends (decision, and
 * rejectionReason only when rejecting, as the form hides it otherwise), so a decision here and one in
 * Tasklist are the same event; workers/review-record.ts then stores it whichever way it came. The
 * reviewer is recorded here, in the same transaction that is committed only once the engine accepted.
 *
 * The reviewer's own words for a rejection (required with "other") are written to our database in that
 * transaction and never sent to the engine: its history (level full) would keep every variable's value.
 * The row stays locked until the commit, so review-record, which writes the same row, and the notice
 * after it see the text. Tasklist's form cannot take such text for the same reason, and says so.
 */
export function createReviewDecider(db: Db, engine: ProcessEngine) {
  const audit = createAuditRepo(db);
  return async function decide({ registrationId, staff, decision, reason, reasonText }: DecisionInput) {
    const parsed = parseReviewDecision(decision, reason);
    if (!parsed.ok) {
      const field =
        parsed.code === 'invalid_decision'
          ? { field: 'decision', code: 'decision_invalid' as const }
          : { field: 'reason', code: 'rejection_reason_required' as const };
      throw new AppError('validation_failed', 422, [field]);
    }
    const d = parsed.value;
    const text =
      d.decision === 'reject' ? parseRejectionText(d.reason, reasonText) : { ok: true as const, value: null };
    if (!text.ok) {
      throw new AppError('validation_failed', 422, [
        {
          field: 'reasonText',
          code: text.code === 'text_required' ? 'rejection_text_required' : 'rejection_text_too_long',
        },
      ]);
    }
    const reg = await createRegistrationsRepo(db).get(registrationId);
    if (!reg) throw notFound();
    const [task] = await engine.openTasks(registrationId, [USER_TASKS.review]);
    if (!task) throw new AppError('review_closed', 409, [], { status: reg.status });
    const rejectionReason = d.decision === 'reject' ? d.reason : null;
    await db.transaction(async (trx) => {
      await audit.record(
        {
          registrationId,
          actor: `staff:${staff.username}`,
          action: 'review_decision_submitted',
          detail: {
            staffId: staff.staffId,
            decision: d.decision,
            reason: rejectionReason,
            withText: text.value !== null,
            taskId: task.id,
          },
        },
        trx,
      );
      await trx('registrations').where({ id: registrationId }).update({ rejection_text: text.value });
      try {
        await engine.completeTask(
          task.id,
          rejectionReason ? { decision: 'reject', rejectionReason } : { decision: 'approve' },
        );
      } catch (err) {
        // Decided in Tasklist or by a colleague a moment ago, or the instance was cancelled.
        if (err instanceof TaskGoneError) throw new AppError('review_closed', 409, [], { status: reg.status });
        throw err;
      }
    });
    return { registrationId, decision: d.decision, reason: rejectionReason, reasonText: text.value };
  };
}
