import { createHash } from 'node:crypto';
import { exportPrivateKeyPem, importPrivateKeyPem } from './crypto-setup.js';
import type { Issued } from './state.js';
import type { CaState } from './state.js';

/** What the CA hands over: the certificate, its key (a test CA only: a real one never sees the key), and the chain. */
export async function issuedView(entry: Issued, state: CaState) {
  const chain = await state.chainOf(entry.issuer);
  return {
    serialNumber: entry.serialNumber,
    kind: entry.kind,
    subject: entry.cert.subject,
    notBefore: entry.cert.notBefore.toISOString(),
    notAfter: entry.cert.notAfter.toISOString(),
    fingerprintSha256: createHash('sha256').update(new Uint8Array(entry.cert.rawData)).digest('hex'),
    revokedAt: entry.revokedAt?.toISOString() ?? null,
    certificatePem: entry.cert.toString('pem'),
    chainPem: chain.map((c) => c.toString('pem')).join('\n'),
    privateKeyPem: entry.key ? await exportPrivateKeyPem(entry.key) : null,
  };
}

/**
 * The signer as the CMS code takes it: certificate, key and the intermediate, DER. A certificate issued from
 * a token's CSR has no key here: the caller (a test holding the token's key) hands it over, else null.
 */
export async function signerOf(entry: Issued, state: CaState, privateKeyPem?: string) {
  const key = privateKeyPem ? await importPrivateKeyPem(privateKeyPem) : entry.key;
  if (!key) return null;
  const chain = await state.chainOf(entry.issuer);
  return { certificate: entry.cert.rawData, key, chain: chain.map((c) => c.rawData) };
}
