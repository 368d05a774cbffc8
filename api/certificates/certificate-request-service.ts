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
  /**
   * What the RA clerk sees the case by in Tasklist: the organization (an organization's name, never the
   * applicant's) and the tracking code of the agency's registration, or the request's own id when the
   * agency has none. The common name may be a person's and never enters the engine.
   */
  async function caseLabel(id: string, input: CertificateRequestInput) {
    const registration = input.agencyNationalId
      ? await db('registrations')
          .where({ agency_national_id: input.agencyNationalId, status: 'registered' })
          .orderBy('decided_at', 'desc')
          .first('tracking_code')
      : undefined;
    return {
      agencyName: input.organization?.trim() || 'بدون دستگاه',
      trackingCode: (registration?.tracking_code as string | undefined) ?? id,
    };
  }
  return {
    async submit(input: CertificateRequestInput) {
      const id = randomUUID();
      await requests.create({ id, ...input });
      try {
        const instance = await engine.start(CERTIFICATE_REQUEST_PROCESS_ID, id, {
          requestId: id,
          requestAction: input.action,
          ...(await caseLabel(id, input)),
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
