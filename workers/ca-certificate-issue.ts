import { Type } from '@sinclair/typebox';
import { createAuditRepo } from '../db/audit-repo.js';
import { createCertificateRequestsRepo } from '../db/certificate-requests-repo.js';
import { defineWorker } from './support/define-worker.js';
import { businessKeyOf } from './support/business-key.js';
import { WorkerError } from './support/worker-error.js';
import { TOPICS } from '../adapters/engine/process-model.js';

/**
 * The RA hands an approved request (issue, or the new certificate of a renewal) to the intermediate CA.
 * With the token's CSR the CA certifies the token's key; the certificate and its chain wait on the request
 * for the clerk to download once. Idempotent: a request that has its certificate already is not issued twice.
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
      ...(request.csr_der ? { csr: request.csr_der.toString('base64') } : {}),
    });
    await db.transaction(async (trx) => {
      await requests.update(
        request.id,
        {
          issued_serial: issued.serialNumber,
          issued_certificate_pem: issued.certificatePem,
          issued_chain_pem: issued.chainPem,
          issued_at: now(),
          status: 'issued',
          // A renewal stays open until the certificate it replaces is revoked.
          ...(request.action === 'issue' ? { closed_at: now() } : {}),
        },
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
