import { randomBytes } from 'node:crypto';
import { x509 } from './pki.js';
import * as asn1js from 'asn1js';
import {
  CERTIFICATE_KINDS,
  organizationIdentifier,
  SUBJECT_OIDS,
  type CertificateKind,
} from '../../domain/certificate-kind.js';
import type { Authority } from './ca-material.js';
import { generateKeys, SIGNING_ALGORITHM } from './crypto-setup.js';

export interface CertificateRequest {
  kind: CertificateKind;
  /** The holder: the organization's name for a seal, the person's name for an individual. */
  commonName: string;
  organization?: string;
  /** The organization's 11-digit national id, written as organizationIdentifier NTRIR-… */
  agencyNationalId?: string;
  /** The role title in the certificate, e.g. MANAGER (government certificates carry it). */
  role?: string;
  notBefore?: Date;
  notAfter?: Date;
  /** `encipherment` issues a key that may not sign (key-usage test). */
  keyUsage?: 'signing' | 'encipherment';
  /** A registration office's request: the token's PKCS#10 (DER, base64), whose key is certified; the CA never holds it. */
  csr?: string;
}

export interface IssuedCertificate {
  cert: x509.X509Certificate;
  /** The key the CA made for a test certificate; null for one issued from a CSR (the key stayed on the token). */
  key: CryptoKey | null;
  serialNumber: string;
}

/** The key of a CSR whose self-signature holds (the office checked it too; a CA checks again). */
async function csrKey(base64: string): Promise<x509.PublicKey> {
  const csr = new x509.Pkcs10CertificateRequest(Buffer.from(base64, 'base64'));
  if (!(await csr.verify())) throw new CsrRefused();
  return csr.publicKey;
}

/** A CSR whose signature does not hold: the CA answers 422. */
export class CsrRefused extends Error {
  override name = CsrRefused.name;
}

/** A subject in the order a CA writes it: country, organization, its id, the role, then the holder. */
function subjectOf(req: CertificateRequest): x509.JsonName {
  const name: x509.JsonName = [{ [SUBJECT_OIDS.country]: ['IR'] }];
  if (req.organization) name.push({ [SUBJECT_OIDS.organization]: [req.organization] });
  if (req.agencyNationalId)
    name.push({ [SUBJECT_OIDS.organizationIdentifier]: [organizationIdentifier(req.agencyNationalId)] });
  if (req.role) name.push({ [SUBJECT_OIDS.title]: [req.role] });
  name.push({ [SUBJECT_OIDS.commonName]: [req.commonName] });
  return name;
}

/** An end-entity certificate of one of the five kinds, with its new key, naming `crlUrl` as where its revocation is published. */
export async function issueCertificate(
  issuer: Authority,
  req: CertificateRequest,
  crlUrl: string,
): Promise<IssuedCertificate> {
  const keys = req.csr ? null : await generateKeys();
  const publicKey = keys ? keys.publicKey : await csrKey(req.csr!);
  // Positive and 16 bytes, as RFC 5280 asks; the top bit cleared so DER does not need a sign byte.
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x10;
  const notBefore = req.notBefore ?? new Date(Date.now() - 60_000);
  // KeyUsageFlags is a bit-flag enum: its members combine with `|` into a value the library reads as flags.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment
  const usage = (
    req.keyUsage === 'encipherment'
      ? x509.KeyUsageFlags.keyEncipherment | x509.KeyUsageFlags.dataEncipherment
      : x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation
  ) as x509.KeyUsageFlags;
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial.toString('hex'),
    subject: subjectOf(req),
    issuer: issuer.cert.subject,
    publicKey,
    signingKey: issuer.key,
    notBefore,
    notAfter: req.notAfter ?? new Date(notBefore.getTime() + 2 * 365 * 24 * 3600 * 1000),
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(usage, true),
      new x509.CertificatePolicyExtension([CERTIFICATE_KINDS[req.kind]]),
      new x509.CRLDistributionPointsExtension([crlUrl]),
      await x509.AuthorityKeyIdentifierExtension.create(issuer.cert.publicKey),
      await x509.SubjectKeyIdentifierExtension.create(publicKey),
    ],
  });
  return { cert, key: keys?.privateKey ?? null, serialNumber: cert.serialNumber };
}

export interface RevokedEntry {
  serialNumber: string;
  revokedAt: Date;
  /** RFC 5280 CRLReason, written into the CRL entry. */
  reason?: number;
}

/** The issuer's CRL: every revocation so far, valid until `nextUpdate`. */
export async function createCrl(
  issuer: Authority,
  revoked: readonly RevokedEntry[],
  crlNumber: number,
  thisUpdate: Date,
  nextUpdate: Date,
) {
  return x509.X509CrlGenerator.create({
    issuer: issuer.cert.subject,
    thisUpdate,
    nextUpdate,
    signingAlgorithm: SIGNING_ALGORITHM,
    signingKey: issuer.key,
    entries: revoked.map((r) => ({ serialNumber: r.serialNumber, revocationDate: r.revokedAt, reason: r.reason })),
    extensions: [
      await x509.AuthorityKeyIdentifierExtension.create(issuer.cert.publicKey),
      // cRLNumber (RFC 5280 5.2.3), increasing with every CRL published.
      new x509.Extension('2.5.29.20', false, new asn1js.Integer({ value: crlNumber }).toBER()),
    ],
  });
}
