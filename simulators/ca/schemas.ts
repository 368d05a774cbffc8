import { Type, type Static } from '@sinclair/typebox';
import { CERTIFICATE_KIND_NAMES } from '../../domain/certificate-kind.js';

export const IssueBody = Type.Object({
  kind: Type.Union(CERTIFICATE_KIND_NAMES.map((k) => Type.Literal(k))),
  commonName: Type.String({ minLength: 1, maxLength: 200 }),
  organization: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  agencyNationalId: Type.Optional(Type.String({ pattern: '^[0-9]{11}$' })),
  role: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  /** The token's PKCS#10 request (DER, base64): the certificate is for its key. */
  csr: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9+/=]+$', maxLength: 16_384 })),
});
export type IssueBody = Static<typeof IssueBody>;

/** What tests may also ask for: odd validity, a key that may not sign, a chain to another root. */
export const SimIssueBody = Type.Intersect([
  IssueBody,
  Type.Object({
    notBefore: Type.Optional(Type.String({ format: 'date-time' })),
    notAfter: Type.Optional(Type.String({ format: 'date-time' })),
    keyUsage: Type.Optional(Type.Union([Type.Literal('signing'), Type.Literal('encipherment')])),
    issuer: Type.Optional(Type.Union([Type.Literal('trusted'), Type.Literal('untrusted')])),
  }),
]);
export type SimIssueBody = Static<typeof SimIssueBody>;

export const SerialParams = Type.Object({ serialNumber: Type.String({ pattern: '^[0-9a-f]{2,64}$' }) });

export const LetterBody = Type.Object({
  serialNumber: Type.String({ pattern: '^[0-9a-f]{2,64}$' }),
  format: Type.Union([Type.Literal('embedded'), Type.Literal('detached')]),
  /** The PDF to sign; a one-page test letter when absent. */
  pdfBase64: Type.Optional(Type.String()),
  signingTime: Type.Optional(Type.String({ format: 'date-time' })),
  /** The key of a certificate issued from a CSR, which only the token (here: the test) holds. */
  privateKeyPem: Type.Optional(Type.String({ maxLength: 16_384 })),
});

export const SignBody = Type.Object({
  serialNumber: Type.String({ pattern: '^[0-9a-f]{2,64}$' }),
  dataBase64: Type.String(),
  /** The data inside the CMS (a `.p7m`, as some signing software makes) rather than detached from it. */
  attached: Type.Optional(Type.Boolean()),
  signingTime: Type.Optional(Type.String({ format: 'date-time' })),
  privateKeyPem: Type.Optional(Type.String({ maxLength: 16_384 })),
});

export const FaultBody = Type.Object({
  service: Type.Union([Type.Literal('crl'), Type.Literal('ra')]),
  mode: Type.Union([Type.Literal('error'), Type.Literal('timeout')]),
  count: Type.Optional(Type.Integer({ minimum: 1 })),
});

export const SettingsBody = Type.Object({ crlValiditySeconds: Type.Integer({ minimum: 1, maximum: 7 * 24 * 3600 }) });

/** RFC 5280 CRLReason (5.3.1); 7 is not used. */
export const RevokeBody = Type.Object({
  reason: Type.Optional(Type.Union([0, 1, 2, 3, 4, 5, 6, 8, 9, 10].map((r) => Type.Literal(r)))),
});
export type RevokeBody = Static<typeof RevokeBody>;
