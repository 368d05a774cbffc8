import type { Db, Tx } from './knex.js';

export interface LetterMeta {
  fileName: string | null;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
}

/** The representative's introduction letter (card step 3-2), one per registration. */
export function createLettersRepo(db: Db) {
  const table = (trx?: Tx) => (trx ?? db)('letters');
  return {
    async save(
      registrationId: string,
      letter: {
        content: Buffer;
        sha256: string;
        mimeType: string;
        sizeBytes: number;
        fileName: string | null;
        uploadedAt: Date;
      },
      trx?: Tx,
    ) {
      await table(trx)
        .insert({
          registration_id: registrationId,
          content: letter.content,
          sha256: letter.sha256,
          mime_type: letter.mimeType,
          size_bytes: letter.sizeBytes,
          file_name: letter.fileName,
          uploaded_at: letter.uploadedAt,
          // A new letter drops the detached signature of the one it replaces.
          signature: null,
          signature_received_at: null,
        })
        .onConflict('registration_id')
        .merge();
    },
    /** The detached CMS (.p7s) over the letter now stored, and when it came; false when there is no letter to attach it to. */
    async saveSignature(registrationId: string, signature: Buffer, receivedAt: Date, trx?: Tx) {
      return (
        (await table(trx)
          .where({ registration_id: registrationId })
          .update({ signature, signature_received_at: receivedAt })) > 0
      );
    },
    /** The letter's bytes and its detached signature, with when each was received, for the signature check. */
    signed: (registrationId: string, trx?: Tx) =>
      table(trx).where({ registration_id: registrationId }).first<
        | {
            content: Buffer;
            signature: Buffer | null;
            mime_type: string;
            sha256: string;
            uploaded_at: Date;
            signature_received_at: Date | null;
          }
        | undefined
      >('content', 'signature', 'mime_type', 'sha256', 'uploaded_at', 'signature_received_at'),
    /** What the applicant's view and the reviewer see about the letter, without its bytes. */
    async meta(registrationId: string, trx?: Tx): Promise<LetterMeta | undefined> {
      const row = await table(trx)
        .where({ registration_id: registrationId })
        .first('file_name', 'mime_type', 'size_bytes', 'sha256', 'uploaded_at');
      return (
        row && {
          fileName: row.file_name,
          mimeType: row.mime_type,
          sizeBytes: row.size_bytes,
          sha256: row.sha256,
          uploadedAt: new Date(row.uploaded_at).toISOString(),
        }
      );
    },
    content: (registrationId: string, trx?: Tx) =>
      table(trx)
        .where({ registration_id: registrationId })
        .first<
          | { content: Buffer; mime_type: string; file_name: string | null; sha256: string; size_bytes: number }
          | undefined
        >('content', 'mime_type', 'file_name', 'sha256', 'size_bytes'),
  };
}
