import { randomBytes } from 'node:crypto';
import { hashSecret } from '../../domain/one-time-code.js';

/*
 * Opaque random tokens kept in `auth_sessions`, not self-contained signed tokens. Every request
 * must in any case read the staff member or account to honour a deactivation at once, so a
 * signed token would save no database read; a row lets logout, deactivation and a new password
 * end sessions immediately, with no token format, algorithm choice or key rotation to get wrong.
 *
 * The row holds HMAC-SHA256(token, TOKEN_SECRET), not the token: a leaked table gives no usable
 * token, and someone able to write the table (an injection, a mishandled backup) still cannot
 * mint a session without the secret, which lives outside the database. 256 random bits need no
 * slow hash.
 */
export const newSessionToken = () => randomBytes(32).toString('base64url');

/** HMAC-SHA256(token, secret): `hashSecret` of domain/one-time-code.ts, under the name the tests' support code reads the session table by. */
export const sessionTokenHash: (token: string, secret: string) => string = hashSecret;

/** The token in an `Authorization: Bearer …` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const m = /^Bearer\s+([A-Za-z0-9_-]{20,200})\s*$/i.exec(header ?? '');
  return m?.[1];
}
