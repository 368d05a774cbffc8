import { Type } from '@sinclair/typebox';
import { createAuditRepo } from '../db/audit-repo.js';
import { createCertificateRequestsRepo } from '../db/certificate-requests-repo.js';
import { defineWorker } from './support/define-worker.js';
import { businessKeyOf } from './support/business-key.js';
import { WorkerError } from './support/worker-error.js';
import { TOPICS } from '../adapters/engine/process-model.js';

/**
 * The RA hands an approved request (issue, or the new certificate of a renewal) to the intermediate CA.
 * Idempotent: a request that has its certificate already is not issued twice.
 */
export const caCertificateIssueWorker = defineWorker({
  topic: TOPICS.caCertificateIssue,
  input: Type.Object({}),
  output: Type.Object({ caOutcome: Type.Literal('issued') }),
  async handle(task, { db, ca, now }) {
    const requests = createCertificateRequestsRepo(db);
    const request = await requests.get(businessKeyOf(task));
    if (!request) throw new WorkerError(WorkerError.REGISTRATION_NOT_FOUND, 'certificate request not found', false);
    if (request.issued_serial) return { caOutcome: 'issued' as const };
    const issued = await ca.issue({
      kind: request.kind,
      commonName: request.common_name,
      organization: request.organization ?? undefined,
      agencyNationalId: request.agency_national_id ?? undefined,
      role: request.role ?? undefined,
    });
    await db.transaction(async (trx) => {
      await requests.update(
        request.id,
        { issued_serial: issued.serialNumber, issued_certificate_pem: issued.certificatePem, issued_at: now() },
        trx,
      );
      await createAuditRepo(db).record(
        {
          actor: 'worker:ca-certificate-issue',
          action: 'certificate_issued',
          detail: { requestId: request.id, serialNumber: issued.serialNumber },
        },
        trx,
      );
    });
    return { caOutcome: 'issued' as const };
  },
});
