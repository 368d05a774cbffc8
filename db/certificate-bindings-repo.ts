import type { CertificateFacts } from '../domain/certificate-facts.js';
import type { Db, Tx } from './knex.js';

export type ChallengePurpose = 'bind' | 'login';
export interface ChallengeRow {
  id: string;
  purpose: ChallengePurpose;
  account_id: string | null;
  challenge: string;
  expires_at: Date;
}

/** One-time challenges and the certificates bound to agency accounts. */
export function createCertificateBindingsRepo(db: Db) {
  const challenges = (trx?: Tx) => (trx ?? db)('certificate_challenges');
  const bindings = (trx?: Tx) => (trx ?? db)('certificate_bindings');
  return {
    createChallenge: (row: {
      id: string;
      purpose: ChallengePurpose;
      accountId: string | null;
      challenge: string;
      expiresAt: Date;
    }) =>
      challenges().insert({
        id: row.id,
        purpose: row.purpose,
        account_id: row.accountId,
        challenge: row.challenge,
        expires_at: row.expiresAt,
      }),
    /**
     * Takes the challenge if it is this purpose's (and account's), unexpired and unused: one update, so
     * two requests with the same challenge cannot both have it.
     */
    async consumeChallenge(
      id: string,
      purpose: ChallengePurpose,
      accountId: string | null,
      now: Date,
      trx?: Tx,
    ): Promise<ChallengeRow | undefined> {
      const q = challenges(trx).where({ id, purpose }).whereNull('consumed_at').where('expires_at', '>', now);
      if (accountId) q.where({ account_id: accountId });
      const [row] = await q
        .update({ consumed_at: now })
        .returning(['id', 'purpose', 'account_id', 'challenge', 'expires_at']);
      return row as ChallengeRow | undefined;
    },
    activeByFingerprint: (fingerprint: string, trx?: Tx) =>
      bindings(trx)
        .where({ fingerprint_sha256: fingerprint })
        .whereNull('unbound_at')
        .first<{ id: string; account_id: string } | undefined>('id', 'account_id'),
    active: (accountId: string, trx?: Tx) =>
      bindings(trx).where({ account_id: accountId }).whereNull('unbound_at').orderBy('bound_at').select<
        {
          id: string;
          fingerprint_sha256: string;
          serial_number: string;
          issuer: string;
          subject: string;
          not_after: Date;
          bound_at: Date;
        }[]
      >('id', 'fingerprint_sha256', 'serial_number', 'issuer', 'subject', 'not_after', 'bound_at'),
    bind: (row: { id: string; accountId: string; facts: CertificateFacts }, trx?: Tx) =>
      bindings(trx).insert({
        id: row.id,
        account_id: row.accountId,
        fingerprint_sha256: row.facts.fingerprintSha256,
        serial_number: row.facts.serialNumber,
        issuer: row.facts.issuer.slice(0, 300),
        subject: row.facts.subject.slice(0, 500),
        not_after: row.facts.notAfter,
      }),
    unbindAll: (accountId: string, by: string, now: Date, trx?: Tx) =>
      bindings(trx)
        .where({ account_id: accountId })
        .whereNull('unbound_at')
        .update({ unbound_at: now, unbound_by: by }),
  };
}
