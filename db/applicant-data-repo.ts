import type { ApplicantData } from '../domain/applicant-data.js';
import type { Db, Tx } from './knex.js';

const columns = {
  nationalCode: 'national_code',
  mobile: 'mobile',
  firstName: 'first_name',
  lastName: 'last_name',
  fatherName: 'father_name',
  birthCertificateNumber: 'birth_certificate_number',
  birthDate: 'birth_date',
  birthDateGregorian: 'birth_date_gregorian',
  email: 'email',
  agencyName: 'agency_name',
  agencyNationalId: 'agency_national_id',
  representativePosition: 'representative_position',
} as const satisfies Record<keyof ApplicantData, string>;

export type StoredApplicantData = ApplicantData & { passwordHash: string | null };

export function createApplicantDataRepo(db: Db) {
  const table = (trx?: Tx) => (trx ?? db)('applicant_data');
  return {
    /** Saves step 3 again and again as the applicant corrects it; the password hash is kept. */
    async save(registrationId: string, data: ApplicantData, trx?: Tx) {
      const row = Object.fromEntries(Object.entries(columns).map(([k, c]) => [c, data[k as keyof ApplicantData]]));
      await table(trx)
        .insert({ registration_id: registrationId, ...row })
        .onConflict('registration_id')
        .merge({ ...row, updated_at: db.fn.now() });
    },
    async setPasswordHash(registrationId: string, passwordHash: string, trx?: Tx) {
      await table(trx)
        .where({ registration_id: registrationId })
        .update({ password_hash: passwordHash, updated_at: db.fn.now() });
    },
    async get(registrationId: string, trx?: Tx): Promise<StoredApplicantData | undefined> {
      const row = await table(trx).where({ registration_id: registrationId }).first();
      if (!row) return undefined;
      const data = Object.fromEntries(Object.entries(columns).map(([k, c]) => [k, row[c]])) as ApplicantData;
      const g = row.birth_date_gregorian as Date | string;
      data.birthDateGregorian =
        typeof g === 'string'
          ? g
          : `${g.getFullYear()}-${String(g.getMonth() + 1).padStart(2, '0')}-${String(g.getDate()).padStart(2, '0')}`;
      return { ...data, passwordHash: row.password_hash };
    },
  };
}
