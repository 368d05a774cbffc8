import type { CertificateKind } from './certificate-kind.js';

/** What a reviewer, the binding and the login read from a certificate (never sent to the engine). */
export interface CertificateFacts {
  subject: string;
  commonName: string | null;
  organization: string | null;
  agencyNationalId: string | null;
  role: string | null;
  kind: CertificateKind | null;
  issuer: string;
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  fingerprintSha256: string;
  mayAttest: boolean;
  crlUrl: string | null;
}

type Revocation = 'good' | 'revoked' | 'not_checked';

/** A signature's signer as checked: the certificate's facts, the time it claims, and its revocation. */
export interface SignerFacts extends CertificateFacts {
  /** The signing time the signer claims (a CMS's signed attribute), null when it claims none: shown, never trusted. */
  signingTime: Date | null;
  revocation: Revocation;
  revokedAt: Date | null;
}
