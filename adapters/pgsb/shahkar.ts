import { Type } from '@sinclair/typebox';
import { checkReply } from './check-reply.js';
import { serviceAddress, type PgsbClient, type PgsbService } from './pgsb-client.js';

/** Shahkar (CRA): is this mobile line registered to this national code. */
export interface Shahkar {
  match(input: { nationalCode: string; mobile: string }, ctx: { messageId: string }): Promise<{ match: boolean }>;
}

export const SHAHKAR_SERVICE: PgsbService = {
  instance: 'IR',
  memberClass: 'GOV',
  memberCode: 'CRA',
  subsystem: 'SHAHKAR',
  serviceCode: 'match',
  version: 'v1',
};

const Reply = Type.Object({ match: Type.Boolean() });

export function createPgsbShahkar(client: PgsbClient, service: PgsbService = SHAHKAR_SERVICE): Shahkar {
  const address = serviceAddress(service);
  return {
    async match({ nationalCode, mobile }, ctx) {
      const reply = checkReply(Reply, await client.call(service, { nationalCode, mobile }, ctx), address);
      return { match: reply.match };
    },
  };
}
