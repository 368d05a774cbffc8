import type { SignerFacts } from '../domain/certificate-facts.js';
import type { LetterSignatureOutcome } from '../domain/signature-outcome.js';
import type { Db, Tx } from './knex.js';

export interface LetterSignatureCheckRow {
  outcome: LetterSignatureOutcome;
  format: 'embedded' | 'detached' | null;
  signer: string | null;
  organization: string | null;
  agency_national_id: string | null;
  role: string | null;
  kind: string | null;
  issuer: string | null;
  serial_number: string | null;
  fingerprint_sha256: string | null;
  not_before: Date | null;
  not_after: Date | null;
  signing_time: Date | null;
  revocation: string | null;
  revoked_at: Date | null;
  letter_sha256: string;
  checked_at: Date;
}

/** Each check of a letter's signature (card step 3-2), keyed by the external task that made it. */
export function createLetterSignatureChecksRepo(db: Db) {
  const table = (trx?: Tx) => (trx ?? db)('letter_signature_checks');
  return {
    byTask: (taskId: string, trx?: Tx) =>
      table(trx).where({ task_id: taskId }).first<{ outcome: LetterSignatureOutcome } | undefined>('outcome'),
    async save(
      row: {
        registrationId: string;
        taskId: string;
        letterSha256: string;
        outcome: LetterSignatureOutcome;
        format: 'embedded' | 'detached' | null;
        signer: SignerFacts | null;
      },
      trx?: Tx,
    ) {
      const s = row.signer;
      await table(trx)
        .insert({
          registration_id: row.registrationId,
          task_id: row.taskId,
          letter_sha256: row.letterSha256,
          outcome: row.outcome,
          format: row.format,
          signer: s?.commonName?.slice(0, 200) ?? null,
          organization: s?.organization?.slice(0, 200) ?? null,
          agency_national_id: s?.agencyNationalId ?? null,
          role: s?.role?.slice(0, 64) ?? null,
          kind: s?.kind ?? null,
          issuer: s?.issuer.slice(0, 300) ?? null,
          serial_number: s?.serialNumber ?? null,
          fingerprint_sha256: s?.fingerprintSha256 ?? null,
          not_before: s?.notBefore ?? null,
          not_after: s?.notAfter ?? null,
          signing_time: s?.signingTime ?? null,
          revocation: s?.revocation ?? null,
          revoked_at: s?.revokedAt ?? null,
        })
        .onConflict('task_id')
        .ignore();
    },
    /** The newest check of the letter now stored: what the reviewer is shown. */
    latest: (registrationId: string, letterSha256: string, trx?: Tx) =>
      table(trx)
        .where({ registration_id: registrationId, letter_sha256: letterSha256 })
        .orderBy('id', 'desc')
        .first<LetterSignatureCheckRow | undefined>(),
  };
}
