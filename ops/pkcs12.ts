import { webcrypto } from 'node:crypto';
import { pkijs } from '../adapters/certificates/pki.js';

const BAG = {
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  key: '1.2.840.113549.1.12.10.1.1',
  cert: '1.2.840.113549.1.12.10.1.3',
} as const;

/**
 * The private key (PKCS#8, DER) and the certificates (DER) of a PKCS#12 file, as a token's software or
 * OpenSSL exports them (PBES2 with AES, or the PKCS#12 PBE schemes pkijs knows), its MAC checked.
 */
export async function readPkcs12(
  der: Uint8Array,
  password: string,
): Promise<{ privateKey: ArrayBuffer; certificates: ArrayBuffer[] }> {
  const pass = new TextEncoder().encode(password).buffer;
  const pfx = pkijs.PFX.fromBER(new Uint8Array(der).buffer);
  await pfx.parseInternalValues({ password: pass, checkIntegrity: true });
  const authSafe = pfx.parsedValue?.authenticatedSafe;
  if (!authSafe) throw new Error('PKCS#12: no authenticated safe');
  await authSafe.parseInternalValues({ safeContents: authSafe.safeContents.map(() => ({ password: pass })) });
  let privateKey: ArrayBuffer | undefined;
  const certificates: ArrayBuffer[] = [];
  for (const safe of authSafe.parsedValue?.safeContents ?? []) {
    for (const bag of safe.value.safeBags) {
      if (bag.bagId === BAG.shroudedKey) {
        const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
        await (
          shrouded as unknown as { parseInternalValues(p: { password: ArrayBuffer }): Promise<void> }
        ).parseInternalValues({ password: pass });
        privateKey = shrouded.parsedValue!.toSchema().toBER(false);
      } else if (bag.bagId === BAG.key) {
        privateKey = (bag.bagValue as pkijs.PrivateKeyInfo).toSchema().toBER(false);
      } else if (bag.bagId === BAG.cert) {
        certificates.push((bag.bagValue as pkijs.CertBag).parsedValue.toSchema().toBER(false));
      }
    }
  }
  if (!privateKey || certificates.length === 0) throw new Error('PKCS#12: no key or no certificate');
  return { privateKey, certificates };
}

/** The key as WebCrypto signs with it: ECDSA P-256, else RSA PKCS#1 v1.5 with SHA-256. */
export async function importPkcs8(der: ArrayBuffer): Promise<CryptoKey> {
  try {
    return await webcrypto.subtle.importKey('pkcs8', der, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
  } catch {
    return webcrypto.subtle.importKey('pkcs8', der, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
  }
}
