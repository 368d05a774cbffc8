import { randomUUID } from 'node:crypto';
import type { ProcessEngine } from '../../adapters/engine/process-engine.js';
import { CERTIFICATE_REQUEST_PROCESS_ID } from '../../adapters/engine/process-model.js';
import { createAuditRepo } from '../../db/audit-repo.js';
import { createCertificateDocumentsRepo } from '../../db/certificate-documents-repo.js';
import {
  createCertificateRequestsRepo,
  type CertificateAction,
  type NewCertificateRequest,
} from '../../db/certificate-requests-repo.js';
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

export interface ScannedDocument {
  kind: string;
  fileName: string | null;
  mimeType: string;
  content: Buffer;
}

/** The RA page's request opened at one request (the id after `#`); Tasklist's form links to it. */
const raLink = (publicBaseUrl: string, requestId: string) =>
  `${publicBaseUrl.replace(/\/+$/, '')}/ra/#${encodeURIComponent(requestId)}`;

/**
 * The registration office takes a request to issue, revoke or renew a certificate: the applicant's data,
 * documents and CSR in PostgreSQL in one transaction, then the process `certificate-request` with the
 * request's id as business key. If the engine refuses, the row and its documents go again: nothing
 * half-written stays.
 */
export function createCertificateRequestService({
  db,
  engine,
  publicBaseUrl = 'http://localhost:3000',
}: {
  db: Db;
  engine: ProcessEngine;
  publicBaseUrl?: string;
}) {
  const requests = createCertificateRequestsRepo(db);
  const documents = createCertificateDocumentsRepo(db);
  return {
    async submit(
      input: CertificateRequestInput & Partial<NewCertificateRequest>,
      scanned: ScannedDocument[] = [],
      actor = 'ra',
    ) {
      const id = randomUUID();
      const trackingCode = await db.transaction(async (trx) => {
        const [row] = await requests.create({ ...input, id }, trx);
        for (const d of scanned)
          await documents.add(
            {
              id: randomUUID(),
              request_id: id,
              kind: d.kind,
              file_name: d.fileName,
              mime_type: d.mimeType,
              content: d.content,
            },
            trx,
          );
        return row!.tracking_code;
      });
      try {
        // What the clerk sees the case by in Tasklist: the organization (never the applicant's name) and
        // the request's tracking code, which the applicant quotes.
        const instance = await engine.start(CERTIFICATE_REQUEST_PROCESS_ID, id, {
          requestId: id,
          requestAction: input.action,
          agencyName: input.organization?.trim() || 'بدون دستگاه',
          trackingCode,
          raUrl: raLink(publicBaseUrl, id),
        });
        await requests.update(id, { process_instance_id: instance.id });
        await createAuditRepo(db).record({
          actor,
          action: 'certificate_requested',
          detail: { requestId: id, action: input.action, documents: scanned.length },
        });
      } catch (err) {
        await db('certificate_requests').where({ id }).delete();
        throw err;
      }
      return { id, trackingCode };
    },
    get: (id: string) => requests.get(id),
  };
}
