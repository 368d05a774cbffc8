import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { signDetachedCms } from '../simulators/ca/cms-sign.js';
import { x509 } from '../adapters/certificates/pki.js';
import { importPrivateKeyPem } from '../simulators/ca/crypto-setup.js';
import { isEntryPoint, processIo, type CliIo } from './cli-io.js';
import { importPkcs8, readPkcs12 } from './pkcs12.js';
import { readSecret } from './read-secret.js';

/**
 * `npm run cert:sign-challenge -- --p12 seal.p12 --challenge-id <uuid> --challenge "<text>"` (the password from
 * P12_PASSWORD, else asked for; never an argument), or `--key key.pem --cert cert.pem` instead of `--p12`:
 * signs a binding or login challenge as a token's software would (a detached CMS over its bytes, with the
 * certificate and its chain) and prints the JSON body for POST /api/account/certificate or /api/auth/certificate/login.
 */
const USAGE =
  'usage: npm run cert:sign-challenge -- (--p12 seal.p12 | --key key.pem --cert cert.pem) --challenge-id <uuid> --challenge "<text>"';

/** The end-entity certificate first (the one that is not a CA), then the chain. */
function leafFirst(ders: ArrayBuffer[]) {
  const isCa = (der: ArrayBuffer) =>
    new x509.X509Certificate(der).getExtension(x509.BasicConstraintsExtension)?.ca === true;
  return [...ders.filter((d) => !isCa(d)), ...ders.filter(isCa)];
}

async function signer(values: { p12?: string; key?: string; cert?: string }, env: NodeJS.ProcessEnv) {
  if (values.p12) {
    const password = env.P12_PASSWORD ?? (await readSecret('PKCS#12 password: '));
    const { privateKey, certificates } = await readPkcs12(new Uint8Array(await readFile(values.p12)), password);
    const [certificate, ...chain] = leafFirst(certificates);
    return { certificate: certificate!, chain, key: await importPkcs8(privateKey) };
  }
  const [certificate, ...chain] = x509.PemConverter.decode(await readFile(values.cert!, 'utf8'));
  if (!certificate) throw new Error(`${values.cert}: no certificate`);
  return { certificate, chain, key: await importPrivateKeyPem(await readFile(values.key!, 'utf8')) };
}

/** The command on `argv` (the arguments after the script's name); resolves to its exit code, throws what it cannot sign. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      p12: { type: 'string' },
      key: { type: 'string' },
      cert: { type: 'string' },
      'challenge-id': { type: 'string' },
      challenge: { type: 'string' },
    },
  });
  if ((!values.p12 && (!values.key || !values.cert)) || !values['challenge-id'] || !values.challenge) {
    io.printError(USAGE);
    return 2;
  }
  const cms = await signDetachedCms(new TextEncoder().encode(values.challenge), await signer(values, io.env));
  io.print(JSON.stringify({ challengeId: values['challenge-id'], signature: Buffer.from(cms).toString('base64') }));
  return 0;
}

if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
