import { Type } from '@sinclair/typebox';
import { checkReply } from './check-reply.js';
import { serviceAddress, type PgsbClient, type PgsbService } from './pgsb-client.js';

type CivilRegistryAnswer =
  { match: false } | { match: true; alive: boolean; firstName: string; lastName: string; fatherName: string };

/** Civil registry (ثبت احوال): do this national code and Jalali birth date (`YYYY/MM/DD`) belong together. */
export interface CivilRegistry {
  inquire(input: { nationalCode: string; birthDate: string }, ctx: { messageId: string }): Promise<CivilRegistryAnswer>;
}

const CIVIL_REGISTRY_SERVICE: PgsbService = {
  instance: 'IR',
  memberClass: 'GOV',
  memberCode: 'NOCR',
  subsystem: 'CIVIL-REGISTRY',
  serviceCode: 'inquiry',
  version: 'v1',
};

const Name = Type.String({ minLength: 1 });
// A match must carry the person's status and names; without them the answer cannot be used.
const Reply = Type.Union([
  Type.Object({ match: Type.Literal(false) }),
  Type.Object({ match: Type.Literal(true), alive: Type.Boolean(), firstName: Name, lastName: Name, fatherName: Name }),
]);

export function createPgsbCivilRegistry(
  client: PgsbClient,
  service: PgsbService = CIVIL_REGISTRY_SERVICE,
): CivilRegistry {
  const address = serviceAddress(service);
  return {
    async inquire({ nationalCode, birthDate }, ctx) {
      const reply = checkReply(Reply, await client.call(service, { nationalCode, birthDate }, ctx), address);
      if (!reply.match) return { match: false };
      const { alive, firstName, lastName, fatherName } = reply;
      return { match: true, alive, firstName, lastName, fatherName };
    },
  };
}
