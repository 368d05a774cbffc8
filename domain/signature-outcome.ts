/**
 * What a check of a signed document (or a signed challenge) found, in the order the checks run; the
 * first failure is the outcome. `not_signed` is the letter's only: a scan still goes to review.
 */
type SignatureFailure =
  'bad_signature' | 'expired' | 'untrusted_chain' | 'revoked' | 'key_usage' | 'wrong_kind' | 'other_organization';
export type SignatureOutcome = 'valid' | SignatureFailure;
export type LetterSignatureOutcome = SignatureOutcome | 'not_signed';

/** How far a claimed signing time may lie ahead of our clock (the signer's clock may run fast). */
const SIGNING_TIME_SKEW_MS = 5 * 60_000;

/** Valid at the moment of signing: within the certificate's own validity, and not in the future. */
export function validAtSigning(signingTime: Date, notBefore: Date, notAfter: Date, now: Date): boolean {
  return (
    signingTime.getTime() <= now.getTime() + SIGNING_TIME_SKEW_MS && signingTime >= notBefore && signingTime <= notAfter
  );
}
