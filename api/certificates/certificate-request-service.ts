import { randomUUID } from 'node:crypto';
import type { ProcessEngine } from '../../adapters/engine/process-engine.js';
import { CERTIFICATE_REQUEST_PROCESS_ID } from '../../adapters/engine/process-model.js';
import { createAuditRepo } from '../../db/audit-repo.js';
import { createCertificateRequestsRepo, type CertificateAction } from '../../db/certificate-requests-repo.js';
import type { Db } from '../../db/knex.js';

export interface CertificateRequestInput {
  action: CertificateAction;
  kind: string;
  commonName: string;
  organization?: string;
  agencyNationalId?: string;
  role?: string;
  /** The certificate to revoke, or to replace by a renewal. */
  targetSerial?: string;
}

/**
 * The registration office takes a request to issue, revoke or renew a certificate: the applicant's data
 * in PostgreSQL, then the process `certificate-request` with the request's id as business key.
 */
export function createCertificateRequestService({ db, engine }: { db: Db; engine: ProcessEngine }) {
  const requests = createCertificateRequestsRepo(db);
  return {
    async submit(input: CertificateRequestInput) {
      const id = randomUUID();
      await requests.create({ id, ...input });
      try {
        const instance = await engine.start(CERTIFICATE_REQUEST_PROCESS_ID, id, {
          requestId: id,
          requestAction: input.action,
        });
        await requests.update(id, { process_instance_id: instance.id });
        await createAuditRepo(db).record({
          actor: 'ra',
          action: 'certificate_requested',
          detail: { requestId: id, action: input.action },
        });
      } catch (err) {
        await db('certificate_requests').where({ id }).delete();
        throw err;
      }
      return { id };
    },
    get: (id: string) => requests.get(id),
  };
}
