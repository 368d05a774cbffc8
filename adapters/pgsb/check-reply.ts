import type { Static, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { PgsbError, PgsbErrorCode } from './pgsb-error.js';

/** A body that does not match the agreed contract is never guessed at: it stops the call as a bad response. */
export function checkReply<T extends TSchema>(schema: T, body: unknown, service: string): Static<T> {
  if (Value.Check(schema, body)) return body;
  const first = Value.Errors(schema, body).First();
  // The path and rule only: the offending value may be personal data.
  const where = first ? `${first.path || '(root)'} ${first.message}` : 'unexpected shape';
  throw new PgsbError(PgsbErrorCode.BAD_RESPONSE, `${service}: reply does not match the contract (${where})`, {
    service,
    status: 200,
  });
}
