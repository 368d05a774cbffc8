/**
 * What a check of a signed document (or a signed challenge) found, in the order the checks run; the
 * first failure is the outcome. `not_signed` is the letter's only: a scan still goes to review.
 */
type SignatureFailure =
  'bad_signature' | 'expired' | 'untrusted_chain' | 'revoked' | 'key_usage' | 'wrong_kind' | 'other_organization';
export type SignatureOutcome = 'valid' | SignatureFailure;
export type LetterSignatureOutcome = SignatureOutcome | 'not_signed';

/** How far a claimed signing time may lie ahead of our clock (the signer's clock may run fast). */
export const SIGNING_TIME_SKEW_MS = 5 * 60_000;

/**
 * Whether the certificate may sign, judged at `at`: a time of our own clock (a login challenge: now; a
 * letter: when we received its signature), never the signing time the signer wrote into the CMS, which
 * an expired certificate would simply back-date. That claim must still not contradict itself: inside
 * the certificate's validity, and not after `at`.
 */
export function validAt(at: Date, notBefore: Date, notAfter: Date, claimedSigningTime: Date | null): boolean {
  const within = (t: Date) => t >= notBefore && t <= notAfter;
  if (!within(at)) return false;
  return (
    !claimedSigningTime ||
    (within(claimedSigningTime) && claimedSigningTime.getTime() <= at.getTime() + SIGNING_TIME_SKEW_MS)
  );
}
