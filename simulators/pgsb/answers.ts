import type { Static } from '@sinclair/typebox';
import type { CivilRegistryRequest, ShahkarRequest } from './schemas.js';
import type { PgsbState } from './state.js';

/** Civil registry: a match needs both the national code and the birth date; names only on a match. */
export function answerCivilRegistry(state: PgsbState, body: Static<typeof CivilRegistryRequest>) {
  const citizen = state.citizens.get(body.nationalCode);
  if (!citizen || citizen.birthDate !== body.birthDate) return { match: false };
  const { alive, firstName, lastName, fatherName } = citizen;
  return { match: true, alive, firstName, lastName, fatherName };
}

/** Shahkar: does this national code own this mobile line. */
export function answerShahkar(state: PgsbState, body: Static<typeof ShahkarRequest>) {
  return { match: state.mobiles.get(body.nationalCode)?.has(body.mobile) ?? false };
}
