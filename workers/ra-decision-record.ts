import { Type } from '@sinclair/typebox';
import { createAuditRepo } from '../db/audit-repo.js';
import { createCertificateRequestsRepo } from '../db/certificate-requests-repo.js';
import { isRaRejectionReason } from '../domain/ra-decision.js';
import { businessKeyOf } from './support/business-key.js';
import { defineWorker } from './support/define-worker.js';
import { WorkerError } from './support/worker-error.js';
import { TOPICS } from '../adapters/engine/process-model.js';

/**
 * Stores the registration office's decision on the request's row, however the clerk decided (Tasklist's
 * form or the RA page), so the applicant's status page shows it; the request is the business key, which
 * nobody working on the task can change. A refusal closes the request (its documents' retention starts).
 */
export const raDecisionRecordWorker = defineWorker({
  topic: TOPICS.raDecisionRecord,
  input: Type.Object({
    raDecision: Type.Optional(Type.Unknown()),
    raRejectionReason: Type.Optional(Type.Unknown()),
  }),
  output: Type.Object({ raOutcome: Type.Union([Type.Literal('approve'), Type.Literal('reject')]) }),
  async handle(task, { db, now }) {
    const requestId = businessKeyOf(task);
    const { raDecision, raRejectionReason } = task.variables;
    const approve = raDecision === 'approve';
    if (!approve && !(raDecision === 'reject' && isRaRejectionReason(raRejectionReason)))
      throw new WorkerError(
        WorkerError.INVALID_DECISION,
        'RA decision refused: not approve, or reject with a listed reason',
        false,
      );
    const requests = createCertificateRequestsRepo(db);
    await db.transaction(async (trx) => {
      const request = await requests.get(requestId, trx);
      if (!request) throw new WorkerError(WorkerError.REGISTRATION_NOT_FOUND, 'certificate request not found', false);
      // A repeated job finds the decision recorded and changes nothing.
      if (request.status !== 'received' && request.status !== 'checking') return;
      const at = now();
      await requests.update(
        requestId,
        approve
          ? { status: 'approved', decided_at: request.decided_at ?? at }
          : {
              status: 'rejected',
              rejection_reason: raRejectionReason as string,
              decided_at: request.decided_at ?? at,
              closed_at: at,
            },
        trx,
      );
      await createAuditRepo(db).record(
        {
          actor: 'worker:ra-decision-record',
          action: 'certificate_request_decided',
          detail: {
            requestId,
            decision: approve ? 'approve' : 'reject',
            reason: approve ? null : (raRejectionReason as string),
          },
        },
        trx,
      );
    });
    return { raOutcome: approve ? ('approve' as const) : ('reject' as const) };
  },
});
