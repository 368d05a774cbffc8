import type { Citizen } from '../../simulators/pgsb/schemas.js';

/** A person as the civil registry's simulator records them (alive unless said otherwise). */
export type RegistryRecord = Omit<Citizen, 'alive'> & { alive?: boolean };

/** What the civil registry holds of a person: the fields of the simulator's record, and nothing else of them. */
export const citizenOf = ({ nationalCode, birthDate, firstName, lastName, fatherName }: RegistryRecord) => ({
  nationalCode,
  birthDate,
  firstName,
  lastName,
  fatherName,
});
