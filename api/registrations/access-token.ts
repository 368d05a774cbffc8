import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The applicant's bearer token: random, shown once, stored as SHA-256 (it has full entropy, so no slow hash). */
export const newAccessToken = () => randomBytes(32).toString('base64url');
export const hashAccessToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function tokenMatches(token: string, storedHash: string): boolean {
  const a = Buffer.from(hashAccessToken(token), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
