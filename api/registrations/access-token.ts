import { createHash } from 'node:crypto';
import type { RegistrationRow } from '../../db/registrations-repo.js';
import { durationMs } from '../../domain/iso-duration.js';
import { sameDigest } from '../../domain/one-time-code.js';

/** The applicant's bearer token (a `newSessionToken`): random, shown once, stored as SHA-256 (it has full entropy, so no slow hash). */
export const hashAccessToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const tokenMatches = (token: string, storedHash: string) => sameDigest(hashAccessToken(token), storedHash);

/**
 * Whether the token has ended though it matches: the applicant left, or the request closed more than
 * `grace` (APPLICANT_TOKEN_GRACE) ago, time enough to read the outcome on the page that was open.
 */
export function tokenEnded(
  reg: Pick<RegistrationRow, 'access_token_revoked_at' | 'closed_at'>,
  now: Date,
  grace: string,
): boolean {
  if (reg.access_token_revoked_at) return true;
  return reg.closed_at !== null && now.getTime() >= new Date(reg.closed_at).getTime() + durationMs(grace);
}
