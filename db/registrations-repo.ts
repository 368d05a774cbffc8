import type { Db, Tx } from './knex.js';

export const REGISTRATION_STATUSES = [
  'applicant-data',
  'verifying',
  'otp',
  'under-review',
  'registered',
  'rejected',
  'expired',
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const CLOSED_STATUSES: readonly RegistrationStatus[] = ['registered', 'rejected', 'expired'];

export interface RegistrationRow {
  id: string;
  /** Seven digits the applicant and the staff read and quote (migration 013). */
  tracking_code: string;
  process_instance_id: string | null;
  status: RegistrationStatus;
  return_reason: string | null;
  access_token_hash: string;
  /** When the applicant left (DELETE …/session): the token answers 401 from then on. */
  access_token_revoked_at: Date | null;
  agency_national_id: string | null;
  otp_wrong_count: number;
  outcome: string | null;
  outcome_reason: string | null;
  /** The reviewer's own words for a rejection (reason "other"); never in the engine. */
  rejection_text: string | null;
  submitted_at: Date | null;
  verified_at: Date | null;
  review_started_at: Date | null;
  decided_at: Date | null;
  closed_at: Date | null;
  /** When the retention policy removed the personal data and letter of this unsuccessful request. */
  purged_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export function createRegistrationsRepo(db: Db) {
  const table = (trx?: Tx) => (trx ?? db)<RegistrationRow>('registrations');
  return {
    async create(row: { id: string; accessTokenHash: string }, trx?: Tx) {
      await table(trx).insert({ id: row.id, access_token_hash: row.accessTokenHash, status: 'applicant-data' });
    },
    get: (id: string, trx?: Tx) => table(trx).where({ id }).first(),
    getForUpdate: (id: string, trx: Tx) => table(trx).where({ id }).forUpdate().first(),
    async update(id: string, patch: Partial<Omit<RegistrationRow, 'id' | 'created_at'>>, trx?: Tx) {
      await table(trx)
        .where({ id })
        .update({ ...patch, updated_at: db.fn.now() as unknown as Date });
    },
    /**
     * The verified, open request that holds an agency (migration 006's index keeps it to one), other
     * than `exceptId`. Requests not yet verified hold nothing: anyone may name any agency at step 3.
     */
    holderOf: (agencyNationalId: string, exceptId: string, trx?: Tx) =>
      table(trx)
        .where({ agency_national_id: agencyNationalId })
        .whereNot({ id: exceptId })
        .whereNotNull('verified_at')
        .whereNull('closed_at')
        .first('id'),
    /** Every request that named the agency at step 3, oldest first: competing requests, for the reviewers. */
    forAgency: (agencyNationalId: string, trx?: Tx) =>
      table(trx)
        .where({ agency_national_id: agencyNationalId })
        .orderBy([{ column: 'created_at' }, { column: 'id' }])
        .select('id', 'status', 'created_at', 'submitted_at', 'verified_at', 'closed_at'),
    /** Moves an open registration to a new status; a closed one stays closed whatever arrives late. */
    async setStatus(id: string, status: RegistrationStatus, patch: Partial<RegistrationRow> = {}, trx?: Tx) {
      return table(trx)
        .where({ id })
        .whereNotIn('status', CLOSED_STATUSES as RegistrationStatus[])
        .update({ ...patch, status, updated_at: db.fn.now() as unknown as Date });
    },
  };
}

export type RegistrationsRepo = ReturnType<typeof createRegistrationsRepo>;
