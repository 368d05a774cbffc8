import { readFile } from 'node:fs/promises';
import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import { pkijs, x509 } from '../certificates/pki.js';

const DATA = '1.2.840.113549.1.7.1';
const CONTENT_TYPE = '1.2.840.113549.1.9.3';
const MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const SIGNING_TIME = '1.2.840.113549.1.9.5';

const copy = (b: ArrayBuffer | Uint8Array) => new Uint8Array(b).slice().buffer;

/** Signs what the office hands the CA: a detached CMS over the request's bytes, by the office's own certificate. */
export interface RaSigner {
  sign(body: Uint8Array): Promise<string>;
}

async function importKey(pem: string): Promise<CryptoKey> {
  const der = x509.PemConverter.decodeFirst(pem);
  try {
    return await webcrypto.subtle.importKey('pkcs8', der, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
  } catch {
    return webcrypto.subtle.importKey('pkcs8', der, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
  }
}

/**
 * The registration office's signing key and certificate (seed 002: "holds a certificate of its own to sign
 * those requests"), read from their PEM files at the first request, so a CA that writes them at its own
 * start (the simulator) may come up after the workers.
 */
export function createRaSigner(files: { certificate: string; key: string }): RaSigner {
  let loaded: Promise<{ cert: pkijs.Certificate; key: CryptoKey }> | undefined;
  const load = async () => ({
    cert: pkijs.Certificate.fromBER(copy(x509.PemConverter.decodeFirst(await readFile(files.certificate, 'utf8')))),
    key: await importKey(await readFile(files.key, 'utf8')),
  });
  return {
    async sign(body) {
      loaded ??= load().catch((e: unknown) => {
        loaded = undefined;
        throw e;
      });
      const { cert, key } = await loaded;
      const digest = await webcrypto.subtle.digest('SHA-256', body);
      const signedData = new pkijs.SignedData({
        version: 1,
        encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: DATA }),
        signerInfos: [
          new pkijs.SignerInfo({
            version: 1,
            sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
            signedAttrs: new pkijs.SignedAndUnsignedAttributes({
              type: 0,
              attributes: [
                new pkijs.Attribute({ type: CONTENT_TYPE, values: [new asn1js.ObjectIdentifier({ value: DATA })] }),
                new pkijs.Attribute({ type: SIGNING_TIME, values: [new asn1js.UTCTime({ valueDate: new Date() })] }),
                new pkijs.Attribute({ type: MESSAGE_DIGEST, values: [new asn1js.OctetString({ valueHex: digest })] }),
              ],
            }),
          }),
        ],
        certificates: [cert],
      });
      await signedData.sign(key, 0, 'SHA-256', copy(body));
      const info = new pkijs.ContentInfo({
        contentType: pkijs.ContentInfo.SIGNED_DATA,
        content: signedData.toSchema(true),
      });
      return Buffer.from(info.toSchema().toBER(false)).toString('base64');
    },
  };
}
