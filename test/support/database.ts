import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../adapters/crypto/password-hash.js';
import { loadConfig, type Config } from '../../config/config.js';
import { createApplicantDataRepo } from '../../db/applicant-data-repo.js';
import { createDb, type Db } from '../../db/knex.js';
import type { RegistrationRow } from '../../db/registrations-repo.js';
import { validateApplicantData } from '../../domain/applicant-data.js';
import { dropTestDatabase, recreateTestDatabase } from '../../ops/services.js';
import { letterPdf, newApplicant } from '../../ops/fixtures/applicants.js';

/** The test database (DATABASE_URL, migrated by the global setup) with the configuration of the run. */
export function testDatabase(overrides: Partial<Record<keyof Config, string>> = {}): { db: Db; config: Config } {
  const config = loadConfig({ ...process.env, ...overrides });
  return { db: createDb(config.DATABASE_URL, { min: 0, max: 4 }), config };
}

/** A clock the test moves by hand, for lockouts and expiries. */
export function manualClock(start = new Date('2026-01-10T08:00:00Z')) {
  let t = start.getTime();
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms), set: (d: Date) => void (t = d.getTime()) };
}

/**
 * Real time plus an offset the test moves forward: for services that also meet real time (a CA's CRL,
 * an HTTP cache), so that a test goes past a CRL's next update at once rather than sleeping until it.
 */
export function movingClock() {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), advance: (ms: number) => void (offset += ms) };
}

/** A registration row written directly, with the times a test needs to know exactly. */
export async function insertRegistration(db: Db, patch: Partial<RegistrationRow> = {}): Promise<string> {
  const id = randomUUID();
  await db('registrations').insert({ id, access_token_hash: 'x'.repeat(64), status: 'applicant-data', ...patch });
  return id;
}

/** Step-3 data and a letter for a registration, as the form would have saved them. */
export async function insertApplicantData(db: Db, registrationId: string, overrides: Record<string, string> = {}) {
  const checked = validateApplicantData(newApplicant(overrides), new Date());
  if (!checked.ok) throw new Error(`fixture applicant invalid: ${JSON.stringify(checked.errors)}`);
  await createApplicantDataRepo(db).save(registrationId, checked.value);
  await db('letters').insert({
    registration_id: registrationId,
    content: letterPdf,
    sha256: 'a'.repeat(64),
    mime_type: 'application/pdf',
    size_bytes: letterPdf.length,
    file_name: 'letter.pdf',
  });
  return checked.value;
}

/** A registration with step-3 data and a letter, written straight to the database (no process instance). */
export async function seedRegistration(db: Db, overrides: Record<string, string> = {}) {
  const id = await insertRegistration(db);
  const applicant = await insertApplicantData(db, id, overrides);
  return { id, applicant };
}

/** An agency account with a known password, as card step 11 makes it. */
export async function insertAccount(db: Db, password: string, status = 'active') {
  const registrationId = await insertRegistration(db, { status: 'registered' });
  const data = await insertApplicantData(db, registrationId);
  const id = randomUUID();
  const username = `acct${id.slice(0, 8)}.${data.agencyNationalId.slice(-4)}`;
  await db('accounts').insert({
    id,
    registration_id: registrationId,
    username,
    password_hash: await hashPassword(password),
    agency_national_id: data.agencyNationalId,
    status,
  });
  return { id, registrationId, username, agencyNationalId: data.agencyNationalId, agencyName: data.agencyName };
}

/**
 * A database of its own for a test that takes migrations up and down (`<test database>_<suffix>`), so
 * the other tests' tables stay as they are; created empty before the file's tests, dropped after them.
 */
export function scratchDatabase(suffix: string) {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `${url.pathname}_${suffix}`;
  return {
    url: url.toString(),
    create: () => recreateTestDatabase(url.toString(), () => undefined),
    drop: () => dropTestDatabase(url.toString()),
  };
}
