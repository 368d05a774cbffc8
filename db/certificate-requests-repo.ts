import type { Db, Tx } from './knex.js';

export type CertificateAction = 'issue' | 'revoke' | 'renew';
export interface CertificateRequestRow {
  id: string;
  action: CertificateAction;
  kind: string;
  common_name: string;
  organization: string | null;
  agency_national_id: string | null;
  role: string | null;
  target_serial: string | null;
  issued_serial: string | null;
  issued_certificate_pem: string | null;
  revoked_at: Date | null;
}

/** The registration office's requests (issue, revoke, renew); the process carries only their ids. */
export function createCertificateRequestsRepo(db: Db) {
  const table = (trx?: Tx) => (trx ?? db)('certificate_requests');
  return {
    create: (row: {
      id: string;
      action: CertificateAction;
      kind: string;
      commonName: string;
      organization?: string;
      agencyNationalId?: string;
      role?: string;
      targetSerial?: string;
    }) =>
      table().insert({
        id: row.id,
        action: row.action,
        kind: row.kind,
        common_name: row.commonName,
        organization: row.organization ?? null,
        agency_national_id: row.agencyNationalId ?? null,
        role: row.role ?? null,
        target_serial: row.targetSerial ?? null,
      }),
    get: (id: string, trx?: Tx) => table(trx).where({ id }).first<CertificateRequestRow | undefined>(),
    update: (id: string, patch: Record<string, unknown>, trx?: Tx) => table(trx).where({ id }).update(patch),
  };
}
