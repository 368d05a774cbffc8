import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { signDetachedCms } from '../adapters/certificates/cms-sign.js';
import { x509 } from '../adapters/certificates/pki.js';
import { importPrivateKeyPem } from '../simulators/ca/crypto-setup.js';

/**
 * `npm run cert:sign-challenge -- --key key.pem --cert cert.pem --challenge-id <uuid> --challenge "<text>"`:
 * signs a binding or login challenge as a token's software would (a detached CMS over its bytes, with the
 * certificate and its chain) and prints the JSON body for POST /api/account/certificate or /api/auth/certificate/login.
 * `--cert` may hold the chain after the certificate (as `npm run ca:letter` writes it).
 */
const { values } = parseArgs({ options: { key: { type: 'string' }, cert: { type: 'string' }, 'challenge-id': { type: 'string' }, challenge: { type: 'string' } } });
if (!values.key || !values.cert || !values['challenge-id'] || !values.challenge) {
  console.error('usage: npm run cert:sign-challenge -- --key key.pem --cert cert.pem --challenge-id <uuid> --challenge "<text>"');
  process.exit(2);
}
const [certificate, ...chain] = x509.PemConverter.decode(await readFile(values.cert, 'utf8'));
if (!certificate) throw new Error(`${values.cert}: no certificate`);
const cms = await signDetachedCms(new TextEncoder().encode(values.challenge), {
  certificate, chain, key: await importPrivateKeyPem(await readFile(values.key, 'utf8')),
});
console.log(JSON.stringify({ challengeId: values['challenge-id'], signature: Buffer.from(cms).toString('base64') }));
