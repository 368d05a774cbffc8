import type { Db, Tx } from './knex.js';

export interface CertificateDocumentRow {
  id: string;
  request_id: string;
  kind: string;
  file_name: string | null;
  mime_type: string;
  content: Buffer;
  created_at: Date;
}

/** The applicant's scanned identity documents, as the registration office archives them (seed 002). */
export function createCertificateDocumentsRepo(db: Db) {
  const table = (trx?: Tx) => (trx ?? db)('certificate_request_documents');
  return {
    add: (row: Omit<CertificateDocumentRow, 'created_at'>, trx?: Tx) => table(trx).insert(row),
    list: (requestId: string) =>
      table()
        .where({ request_id: requestId })
        .orderBy('created_at')
        .select<Omit<CertificateDocumentRow, 'content'>[]>('id', 'kind', 'file_name', 'mime_type', 'created_at'),
    get: (requestId: string, id: string) =>
      table().where({ request_id: requestId, id }).first<CertificateDocumentRow | undefined>(),
  };
}
