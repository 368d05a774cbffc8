import type { RequestStatus } from '../domain/ra-decision.js';
import type { Db, Tx } from './knex.js';

export type CertificateAction = 'issue' | 'revoke' | 'renew';
export interface CertificateRequestRow {
  id: string;
  tracking_code: string;
  status: RequestStatus;
  action: CertificateAction;
  kind: string;
  common_name: string;
  organization: string | null;
  agency_national_id: string | null;
  role: string | null;
  target_serial: string | null;
  issued_serial: string | null;
  issued_certificate_pem: string | null;
  issued_chain_pem: string | null;
  issued_at: Date | null;
  revoked_at: Date | null;
  applicant_national_code: string | null;
  applicant_first_name: string | null;
  applicant_last_name: string | null;
  applicant_mobile: string | null;
  csr_der: Buffer | null;
  csr_subject: string | null;
  csr_key: string | null;
  filed_by: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  rejection_reason: string | null;
  revocation_reason: number | null;
  certificate_downloaded_at: Date | null;
  process_instance_id: string | null;
  created_at: Date;
  closed_at: Date | null;
  documents_purged_at: Date | null;
}

export interface NewCertificateRequest {
  id: string;
  action: CertificateAction;
  kind: string;
  commonName: string;
  organization?: string;
  agencyNationalId?: string;
  role?: string;
  targetSerial?: string;
  applicant?: { nationalCode: string; firstName: string; lastName: string; mobile: string };
  csr?: { der: Buffer; subject: string; key: string };
  filedBy?: string;
  revocationReason?: number;
}

/** The registration office's requests (issue, revoke, renew); the process carries only their ids. */
export function createCertificateRequestsRepo(db: Db) {
  const table = (trx?: Tx) => (trx ?? db)('certificate_requests');
  return {
    create: (row: NewCertificateRequest, trx?: Tx) =>
      table(trx)
        .insert({
          id: row.id,
          action: row.action,
          kind: row.kind,
          common_name: row.commonName,
          organization: row.organization ?? null,
          agency_national_id: row.agencyNationalId ?? null,
          role: row.role ?? null,
          target_serial: row.targetSerial ?? null,
          applicant_national_code: row.applicant?.nationalCode ?? null,
          applicant_first_name: row.applicant?.firstName ?? null,
          applicant_last_name: row.applicant?.lastName ?? null,
          applicant_mobile: row.applicant?.mobile ?? null,
          csr_der: row.csr?.der ?? null,
          csr_subject: row.csr?.subject ?? null,
          csr_key: row.csr?.key ?? null,
          filed_by: row.filedBy ?? null,
          revocation_reason: row.revocationReason ?? null,
        })
        .returning<{ tracking_code: string }[]>('tracking_code'),
    get: (id: string, trx?: Tx) => table(trx).where({ id }).first<CertificateRequestRow | undefined>(),
    byTrackingCode: (code: string) => table().where({ tracking_code: code }).first<CertificateRequestRow | undefined>(),
    /** The issue or renewal that produced this certificate: its tracking code is the applicant's. */
    byIssuedSerial: (serial: string, trx?: Tx) =>
      table(trx).where({ issued_serial: serial }).first<CertificateRequestRow | undefined>(),
    /** A revocation or renewal of this certificate that is still open. */
    openChangeOf: (serial: string, trx?: Tx) =>
      table(trx)
        .where({ target_serial: serial })
        .whereIn('status', ['received', 'checking', 'approved'])
        .first<CertificateRequestRow | undefined>(),
    update: (id: string, patch: Partial<CertificateRequestRow>, trx?: Tx) => table(trx).where({ id }).update(patch),
    list: (open: boolean) =>
      table()
        .modify((q) => {
          if (open) void q.whereIn('status', ['received', 'checking']);
        })
        .orderBy('created_at', open ? 'asc' : 'desc')
        .limit(200)
        .select<CertificateRequestRow[]>(
          'id',
          'tracking_code',
          'status',
          'action',
          'kind',
          'organization',
          'role',
          'created_at',
        ),
  };
}
