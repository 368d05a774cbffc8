import { createHash } from 'node:crypto';
import { sameDigest } from '../../domain/one-time-code.js';

/** The applicant's bearer token (a `newSessionToken`): random, shown once, stored as SHA-256 (it has full entropy, so no slow hash). */
export const hashAccessToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const tokenMatches = (token: string, storedHash: string) => sameDigest(hashAccessToken(token), storedHash);
