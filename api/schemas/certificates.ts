import { Type } from '@sinclair/typebox';

const Base64 = (description: string, maxLength: number) =>
  Type.String({ pattern: '^[A-Za-z0-9+/=\\s]+$', maxLength, description });

export const ChallengeSchema = Type.Object({
  challengeId: Type.String({ format: 'uuid' }),
  challenge: Type.String({ description: 'The text to sign (its UTF-8 bytes), once, before expiresAt' }),
  expiresAt: Type.String({ format: 'date-time' }),
});

export const SignedChallengeBody = Type.Object({
  challengeId: Type.String({ format: 'uuid' }),
  signature: Type.Optional(
    Base64(
      'A CMS SignedData over the challenge, as a token or `npm run cert:sign-challenge` makes it: detached, or attached carrying exactly the challenge',
      65_536,
    ),
  ),
  certificate: Type.Optional(
    Type.String({ maxLength: 16_384, description: "With rawSignature: the signer's certificate, PEM or base64 DER" }),
  ),
  rawSignature: Type.Optional(
    Base64('A bare WebCrypto signature over the challenge: ECDSA P-256 (P1363) or RSASSA-PKCS1-v1_5, SHA-256', 2_048),
  ),
});

export const BindingSchema = Type.Object({
  fingerprintSha256: Type.String(),
  serialNumber: Type.String(),
  subject: Type.String(),
  notAfter: Type.String({ format: 'date-time' }),
});

export const BindingsSchema = Type.Object({
  certificates: Type.Array(
    Type.Object({
      fingerprintSha256: Type.String(),
      serialNumber: Type.String(),
      issuer: Type.String(),
      subject: Type.String(),
      notAfter: Type.String({ format: 'date-time' }),
      boundAt: Type.String({ format: 'date-time' }),
    }),
  ),
});

export const AccountParams = Type.Object({ accountId: Type.String({ format: 'uuid' }) });
