import { Type } from '@sinclair/typebox';
import { createAuditRepo } from '../db/audit-repo.js';
import { createCertificateRequestsRepo } from '../db/certificate-requests-repo.js';
import { defineWorker } from './support/define-worker.js';
import { businessKeyOf } from './support/business-key.js';
import { WorkerError } from './support/worker-error.js';
import { TOPICS } from '../adapters/engine/process-model.js';

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
      await ca.revoke(request.target_serial);
      await db.transaction(async (trx) => {
        await requests.update(request.id, { revoked_at: now() }, trx);
        await createAuditRepo(db).record(
          {
            actor: 'worker:ca-certificate-revoke',
            action: 'certificate_revoked',
            detail: { requestId: request.id, serialNumber: request.target_serial },
          },
          trx,
        );
      });
    }
    return { caOutcome: 'revoked' as const };
  },
});
