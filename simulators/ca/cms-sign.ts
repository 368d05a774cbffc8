import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import { pkijs } from './pki.js';

const OID = {
  data: '1.2.840.113549.1.7.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
} as const;

export interface CmsSigner {
  /** The signer's certificate, DER. */
  certificate: ArrayBuffer | Uint8Array;
  key: CryptoKey;
  /** Certificates to carry along (the intermediate), DER. */
  chain?: (ArrayBuffer | Uint8Array)[];
}

const copy = (b: ArrayBuffer | Uint8Array) => new Uint8Array(b).slice().buffer;

/**
 * A CMS SignedData (RFC 5652) over `data`, as a token's signing software makes it: signed attributes
 * content type, signing time and message digest; the signer's certificate and chain included. Detached
 * (the content kept apart, as a `.p7s` or a PDF's /Contents carries it) unless `attached`, when the
 * content travels inside the CMS (a `.p7m`). DER bytes of the ContentInfo.
 */
export async function signCms(
  data: Uint8Array,
  signer: CmsSigner,
  { signingTime = new Date(), attached = false }: { signingTime?: Date; attached?: boolean } = {},
): Promise<Uint8Array> {
  const cert = pkijs.Certificate.fromBER(copy(signer.certificate));
  const digest = await webcrypto.subtle.digest('SHA-256', data);
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({
      type: 0,
      attributes: [
        new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
        new pkijs.Attribute({ type: OID.signingTime, values: [new asn1js.UTCTime({ valueDate: signingTime })] }),
        new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: digest })] }),
      ],
    }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: OID.data,
      ...(attached ? { eContent: new asn1js.OctetString({ valueHex: copy(data) }) } : {}),
    }),
    signerInfos: [signerInfo],
    certificates: [cert, ...(signer.chain ?? []).map((c) => pkijs.Certificate.fromBER(copy(c)))],
  });
  await signedData.sign(signer.key, 0, 'SHA-256', copy(data));
  const info = new pkijs.ContentInfo({
    contentType: pkijs.ContentInfo.SIGNED_DATA,
    content: signedData.toSchema(true),
  });
  return new Uint8Array(info.toSchema().toBER(false));
}

/** A detached CMS over `data`: a `.p7s` file, or the /Contents of a PDF signature. */
export const signDetachedCms = (data: Uint8Array, signer: CmsSigner, signingTime = new Date()) =>
  signCms(data, signer, { signingTime });
