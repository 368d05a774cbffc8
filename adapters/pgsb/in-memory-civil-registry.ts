import type { CivilRegistry } from './civil-registry.js';
import type { PgsbError } from './pgsb-error.js';

export type RegisteredPerson = {
  nationalCode: string;
  birthDate: string;
  firstName: string;
  lastName: string;
  fatherName: string;
  alive: boolean;
};

export type InMemoryCivilRegistry = CivilRegistry & {
  add(person: RegisteredPerson): void;
  /** The next `times` inquiries throw `error`, as the bus would. */
  failNext(error: PgsbError, times?: number): void;
  /** Message ids received, so callers' tests can assert that retries reuse them. */
  readonly calls: { messageId: string }[];
};

/** For unit tests of callers: same contract as the PGSB-backed registry, no network. */
export function createInMemoryCivilRegistry(people: RegisteredPerson[] = []): InMemoryCivilRegistry {
  const byCode = new Map(people.map((p) => [p.nationalCode, p]));
  const failures: PgsbError[] = [];
  const calls: { messageId: string }[] = [];
  return {
    calls,
    add: (person) => void byCode.set(person.nationalCode, person),
    failNext: (error, times = 1) => failures.push(...Array<PgsbError>(times).fill(error)),
    async inquire({ nationalCode, birthDate }, { messageId }) {
      calls.push({ messageId });
      const failure = failures.shift();
      if (failure) throw failure;
      const person = byCode.get(nationalCode);
      if (!person || person.birthDate !== birthDate) return { match: false };
      const { alive, firstName, lastName, fatherName } = person;
      return { match: true, alive, firstName, lastName, fatherName };
    },
  };
}
