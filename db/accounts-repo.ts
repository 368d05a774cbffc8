import type { Db, Tx } from './knex.js';

export interface AccountRow {
  id: string;
  registration_id: string;
  username: string;
  password_hash: string;
  agency_national_id: string;
  status: string;
  created_at: Date;
}

/** Agency accounts made at card step 11 (workers/account-create.ts writes them). */
export function createAccountsRepo(db: Db) {
  const table = (trx?: Tx) => (trx ?? db)<AccountRow>('accounts');
  return {
    get: (id: string, trx?: Tx) => table(trx).where({ id }).first(),
    byUsername: (username: string, trx?: Tx) => table(trx).where({ username }).first(),
    byRegistration: (registrationId: string, trx?: Tx) => table(trx).where({ registration_id: registrationId }).first(),
    activeForAgency: (agencyNationalId: string, trx?: Tx) =>
      table(trx).where({ agency_national_id: agencyNationalId, status: 'active' }).first(),
  };
}
