import { randomUUID } from 'node:crypto';
import { createApplicantDataRepo } from '../../db/applicant-data-repo.js';
import type { Db } from '../../db/knex.js';
import { createRegistrationsRepo } from '../../db/registrations-repo.js';
import { validateApplicantData } from '../../domain/applicant-data.js';
import { newApplicant } from './fixtures.js';

/** A registration row with step-3 data, written straight to the database (no process instance). */
export async function seedRegistration(db: Db, overrides: Record<string, string> = {}) {
  const id = randomUUID();
  const raw = newApplicant(overrides);
  const parsed = validateApplicantData(raw, new Date());
  if (!parsed.ok) throw new Error(`bad fixture: ${JSON.stringify(parsed.errors)}`);
  await createRegistrationsRepo(db).create({ id, accessTokenHash: randomUUID().replaceAll('-', '') });
  await createApplicantDataRepo(db).save(id, parsed.value);
  return { id, applicant: parsed.value };
}
