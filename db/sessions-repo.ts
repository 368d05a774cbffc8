import type { Db, Tx } from './knex.js';

export type SessionKind = 'staff' | 'account';

export interface SessionRow {
  id: string;
  kind: SessionKind;
  subject_id: string;
  token_hash: string;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}

/** Bearer-token sessions of staff and agency accounts; tokens are stored hashed only. */
export function createSessionsRepo(db: Db) {
  const table = (trx?: Tx) => (trx ?? db)<SessionRow>('auth_sessions');
  return {
    async create(
      row: Pick<SessionRow, 'id' | 'kind' | 'subject_id' | 'token_hash' | 'expires_at'> & { created_at?: Date },
      trx?: Tx,
    ) {
      await table(trx).insert(row);
    },
    /** The session behind a token hash, if it is neither expired nor revoked at `now`. */
    live: (kind: SessionKind, tokenHash: string, now: Date, trx?: Tx) =>
      table(trx).where({ kind, token_hash: tokenHash }).whereNull('revoked_at').where('expires_at', '>', now).first(),
    async revoke(tokenHash: string, now: Date, trx?: Tx) {
      return table(trx).where({ token_hash: tokenHash }).whereNull('revoked_at').update({ revoked_at: now });
    },
    /** Ends every session of a subject: on deactivation and on a new password. */
    async revokeAllFor(kind: SessionKind, subjectId: string, now: Date, trx?: Tx) {
      return table(trx).where({ kind, subject_id: subjectId }).whereNull('revoked_at').update({ revoked_at: now });
    },
  };
}
