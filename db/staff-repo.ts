import type { StaffRole } from '../domain/staff.js';
import type { Db, Tx } from './knex.js';

export interface StaffRow {
  id: string;
  username: string;
  password_hash: string;
  role: StaffRole;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

/** Staff of the IT office. Usernames arrive normalized (domain/staff.ts); the repo does not guess. */
export function createStaffRepo(db: Db) {
  const table = (trx?: Tx) => (trx ?? db)<StaffRow>('staff');
  return {
    async create(row: Pick<StaffRow, 'id' | 'username' | 'password_hash' | 'role'>, trx?: Tx) {
      await table(trx).insert({ ...row, active: true });
    },
    get: (id: string, trx?: Tx) => table(trx).where({ id }).first(),
    byUsername: (username: string, trx?: Tx) => table(trx).where({ username }).first(),
    list: (trx?: Tx) => table(trx).orderBy('username').select('id', 'username', 'role', 'active', 'created_at'),
    /** Returns the number of rows changed: 0 when there is no such staff member. */
    async setActive(id: string, active: boolean, trx?: Tx) {
      return table(trx)
        .where({ id })
        .update({ active, updated_at: db.fn.now() as unknown as Date });
    },
    async setPasswordHash(id: string, passwordHash: string, trx?: Tx) {
      return table(trx)
        .where({ id })
        .update({ password_hash: passwordHash, updated_at: db.fn.now() as unknown as Date });
    },
  };
}
