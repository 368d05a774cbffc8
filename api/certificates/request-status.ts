import type { Db } from '../../db/knex.js';
import { createCertificateRequestsRepo } from '../../db/certificate-requests-repo.js';
import { isRaRejectionReason, PUBLIC_STATUS_TEXT, publicStatus, RA_REJECTION_TEXT } from '../../domain/ra-decision.js';
import { notFound } from '../errors/app-error.js';

/**
 * What anyone holding a tracking code may learn: where the request is, and a refusal's listed reason.
 * Nothing personal — no name, national code, organization or certificate — since the code opens it without a login.
 */
export function createRequestStatus(db: Db) {
  const requests = createCertificateRequestsRepo(db);
  return async (trackingCode: string) => {
    const r = await requests.byTrackingCode(trackingCode);
    if (!r) throw notFound();
    const status = publicStatus(r.status);
    const reason = status === 'rejected' && isRaRejectionReason(r.rejection_reason) ? r.rejection_reason : null;
    return {
      trackingCode: r.tracking_code,
      action: r.action,
      status,
      text: PUBLIC_STATUS_TEXT[status],
      rejectionReason: reason ? { id: reason, text: RA_REJECTION_TEXT[reason] } : null,
    };
  };
}
