import { webcrypto } from 'node:crypto';
import { x509 } from './pki.js';

const subtle = webcrypto.subtle as SubtleCrypto;

/** ECDSA P-256 with SHA-256: what the test CA's keys and signatures use (fast to generate, supported by every browser's WebCrypto). */
const KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
export const SIGNING_ALGORITHM = { name: 'ECDSA', hash: 'SHA-256' } as const;

export const generateKeys = () => subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify']);

export async function exportPrivateKeyPem(key: CryptoKey): Promise<string> {
  return x509.PemConverter.encode(await subtle.exportKey('pkcs8', key), 'PRIVATE KEY');
}

/** A PKCS#8 private key from PEM; ECDSA P-256 or RSA (PKCS#1 v1.5, SHA-256), as a token would hold either. */
export async function importPrivateKeyPem(pem: string): Promise<CryptoKey> {
  const der = x509.PemConverter.decodeFirst(pem);
  try {
    return await subtle.importKey('pkcs8', der, KEY_ALGORITHM, true, ['sign']);
  } catch {
    return subtle.importKey('pkcs8', der, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['sign']);
  }
}
