import { Type } from '@sinclair/typebox';
import { createAuditRepo } from '../db/audit-repo.js';
import { createCertificateRequestsRepo } from '../db/certificate-requests-repo.js';
import { defineWorker } from './support/define-worker.js';
import { businessKeyOf } from './support/business-key.js';
import { WorkerError } from './support/worker-error.js';
import { TOPICS } from '../adapters/engine/process-model.js';
import { REVOCATION_REASONS } from '../domain/ra-decision.js';

/**
 * The RA asks the CA to revoke a certificate (a revocation, or the replaced one of a renewal); the CA's
 * next CRL lists it. Revoking twice is harmless at the CA (it keeps the first date).
 */
export const caCertificateRevokeWorker = defineWorker({
  topic: TOPICS.caCertificateRevoke,
  input: Type.Object({}),
  output: Type.Object({ caOutcome: Type.Literal('revoked') }),
  async handle(task, { db, ca, now }) {
    const requests = createCertificateRequestsRepo(db);
    const request = await requests.get(businessKeyOf(task));
    if (!request?.target_serial)
      throw new WorkerError(
        WorkerError.REGISTRATION_NOT_FOUND,
        'certificate request or its certificate not found',
        false,
      );
    if (!request.revoked_at) {
      // A renewal replaces the certificate: superseded (RFC 5280 CRLReason 4); a revocation names its own reason.
      const reason =
        request.action === 'renew' ? REVOCATION_REASONS.superseded : (request.revocation_reason ?? undefined);
      await ca.revoke(request.target_serial, reason);
      await db.transaction(async (trx) => {
        const at = now();
        await requests.update(
          request.id,
          request.action === 'revoke'
            ? { revoked_at: at, status: 'revoked', closed_at: at }
            : { revoked_at: at, closed_at: at },
          trx,
        );
        // The request that issued the certificate reads "revoked" on the applicant's status page from now on.
        const original = await requests.byIssuedSerial(request.target_serial!, trx);
        if (original) await requests.update(original.id, { status: 'revoked', revoked_at: at }, trx);
        await createAuditRepo(db).record(
          {
            actor: 'worker:ca-certificate-revoke',
            action: 'certificate_revoked',
            detail: { requestId: request.id, serialNumber: request.target_serial, reason: reason ?? null },
          },
          trx,
        );
      });
    }
    return { caOutcome: 'revoked' as const };
  },
});
