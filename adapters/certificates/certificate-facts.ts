import { createHash } from 'node:crypto';
import type { CertificateFacts } from '../../domain/certificate-facts.js';
import { agencyIdOf, kindOfPolicies, SUBJECT_OIDS } from '../../domain/certificate-kind.js';
import { x509 } from './pki.js';

const first = (cert: x509.X509Certificate, oid: string) => cert.subjectName.getField(oid)[0] ?? null;

export function certificateFacts(cert: x509.X509Certificate): CertificateFacts {
  const usage = cert.getExtension(x509.KeyUsagesExtension);
  const policies = cert.getExtension(x509.CertificatePolicyExtension)?.policies ?? [];
  const crlUrl =
    cert
      .getExtension(x509.CRLDistributionPointsExtension)
      ?.distributionPoints.flatMap((dp) => dp.distributionPoint?.fullName ?? [])
      .map((n) => n.uniformResourceIdentifier)
      .find((u): u is string => typeof u === 'string' && /^https?:\/\//.test(u)) ?? null;
  return {
    subject: cert.subject,
    commonName: first(cert, SUBJECT_OIDS.commonName),
    organization: first(cert, SUBJECT_OIDS.organization),
    agencyNationalId: agencyIdOf(first(cert, SUBJECT_OIDS.organizationIdentifier)),
    role: first(cert, SUBJECT_OIDS.title),
    kind: kindOfPolicies(policies),
    issuer: cert.issuer,
    serialNumber: cert.serialNumber,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    fingerprintSha256: createHash('sha256').update(new Uint8Array(cert.rawData)).digest('hex'),
    // A seal signs to attest: digitalSignature or nonRepudiation (contentCommitment); no extension means no restriction (RFC 5280 4.2.1.3).
    mayAttest:
      !usage || Boolean(usage.usages & (x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation)),
    crlUrl,
  };
}
