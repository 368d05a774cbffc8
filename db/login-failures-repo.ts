import type { FailureRecord } from '../domain/brute-force.js';
import type { Db, Tx } from './knex.js';

export type LoginRealm = 'staff' | 'account';

interface Row {
  realm: LoginRealm;
  key_hash: string;
  failures: number;
  last_failure_at: Date;
  locked_until: Date | null;
}

const toRecord = (r: Row): FailureRecord => ({
  failures: r.failures,
  lastFailureAt: new Date(r.last_failure_at),
  lockedUntil: r.locked_until ? new Date(r.locked_until) : null,
});

/** Brute-force state per (realm, HMAC of username); see domain/brute-force.ts for the rule. */
export function createLoginFailuresRepo(db: Db) {
  const table = (trx?: Tx) => (trx ?? db)<Row>('login_failures');
  return {
    async get(realm: LoginRealm, keyHash: string, trx?: Tx): Promise<FailureRecord | undefined> {
      const row = await table(trx).where({ realm, key_hash: keyHash }).first();
      return row && row.failures > 0 ? toRecord(row) : undefined;
    },
    /** Applies `next` to the current record under a row lock, so concurrent failures all count. */
    async update(
      realm: LoginRealm,
      keyHash: string,
      next: (current: FailureRecord | undefined) => FailureRecord,
    ): Promise<FailureRecord> {
      return db.transaction(async (trx) => {
        // An empty row first, so that two first failures at once queue on its lock instead of both inserting.
        await table(trx)
          .insert({ realm, key_hash: keyHash, failures: 0, last_failure_at: new Date(0) })
          .onConflict(['realm', 'key_hash'])
          .ignore();
        const row = await table(trx).where({ realm, key_hash: keyHash }).forUpdate().first();
        const record = next(row && row.failures > 0 ? toRecord(row) : undefined);
        await table(trx).where({ realm, key_hash: keyHash }).update({
          failures: record.failures,
          last_failure_at: record.lastFailureAt,
          locked_until: record.lockedUntil,
        });
        return record;
      });
    },
    async clear(realm: LoginRealm, keyHash: string, trx?: Tx) {
      await table(trx).where({ realm, key_hash: keyHash }).delete();
    },
    /** Records quiet for longer than the reset time mean nothing any more; run from time to time. */
    async purgeOlderThan(cutoff: Date, trx?: Tx) {
      return table(trx)
        .where('last_failure_at', '<', cutoff)
        .where((q) => {
          q.whereNull('locked_until').orWhere('locked_until', '<', cutoff);
        })
        .delete();
    },
  };
}
