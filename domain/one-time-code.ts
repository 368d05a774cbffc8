import { createHmac, timingSafeEqual } from 'node:crypto';

export const OTP_LENGTH = 6;

export type OtpDecision = 'accepted' | 'wrong' | 'expired' | 'exhausted' | 'already_used';

export interface OtpState {
  storedHash: string;
  expiresAt: Date;
  consumedAt: Date | null;
  /** Wrong entries so far. */
  attempts: number;
  maxAttempts: number;
}

/**
 * The six digits of the one-time code with this id: an HMAC of the id under the server's pepper (as HOTP
 * derives a code from a counter), so the outbox that carries the code to the SMS gateway holds its id, never
 * its digits, and the code exists in clear only in the delivery that sends it. The id is a random UUID, so
 * the codes are as unpredictable as drawn ones to anyone without the pepper; with the pepper, the stored HMAC
 * of a six-digit code gives it up anyway, so deriving costs no secrecy. 2^64 mod 10^6 leaves no bias worth
 * the name.
 */
export function deriveOtp(codeId: string, pepper: string): string {
  const mac = createHmac('sha256', pepper).update(`payam-otp-digits:${codeId}`, 'utf8').digest();
  return String(mac.readBigUInt64BE(0) % 10n ** BigInt(OTP_LENGTH)).padStart(OTP_LENGTH, '0');
}

/**
 * HMAC rather than a slow password hash: the secrets are short-lived and single-use, and the
 * attempt limit, not hashing cost, is what stops guessing. The pepper lives outside the
 * database, so a leaked table alone cannot be brute-forced over the small code space.
 */
export function hashSecret(secret: string, pepper: string): string {
  return createHmac('sha256', pepper).update(secret, 'utf8').digest('hex');
}

/** Two hex digests compared in constant time, so response timing does not reveal how much of a guess was right. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * What to do with one entered code, given its HMAC (the API stores that, so the code in clear never
 * leaves the request that carried it); `null` stands for a malformed entry. Pure: the caller records
 * the outcome (marks the code consumed, or counts the wrong attempt). A code that is used, exhausted or
 * expired is refused before it is compared, so late or excess guesses learn nothing.
 */
export function evaluateOtpHashAttempt(state: OtpState, enteredHash: string | null, now: Date): OtpDecision {
  if (state.consumedAt) return 'already_used';
  if (state.attempts >= state.maxAttempts) return 'exhausted';
  if (now.getTime() >= state.expiresAt.getTime()) return 'expired';
  if (enteredHash === null) return 'wrong';
  return sameDigest(state.storedHash, enteredHash) ? 'accepted' : 'wrong';
}
