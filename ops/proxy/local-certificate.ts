// @peculiar/x509 resolves its algorithms through tsyringe, which needs the Reflect metadata polyfill first.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as Crypto);
const subtle = webcrypto.subtle as SubtleCrypto;

const DAY_MS = 24 * 3600 * 1000;
// Browsers refuse a server certificate valid for longer than 398 days.
const VALID_DAYS = 365;
// Made again this long before it expires, so a running proxy is never found with an expired one.
const RENEW_BEFORE_DAYS = 30;

/** Whether the file holds a certificate that is still good for a month. */
async function stillValid(certFile: string, now: Date) {
  if (!existsSync(certFile)) return false;
  try {
    const cert = new x509.X509Certificate(await readFile(certFile, 'utf8'));
    return cert.notAfter.getTime() - now.getTime() > RENEW_BEFORE_DAYS * DAY_MS;
  } catch {
    return false;
  }
}

/**
 * The development proxy's certificate for localhost, 127.0.0.1 and ::1: self-signed (ECDSA P-256), made once
 * into the proxy's folder and again only when it nears its end. Browsers warn about it once; a real one
 * (PROXY_CERT_FILE, PROXY_KEY_FILE) replaces it in production. Returns whether one was made.
 */
export async function ensureLocalCertificate(
  files: { certFile: string; keyFile: string },
  dir: string,
  now = new Date(),
): Promise<boolean> {
  if ((await stillValid(files.certFile, now)) && existsSync(files.keyFile)) return false;
  await mkdir(dir, { recursive: true });
  const keys = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const notBefore = new Date(now.getTime() - DAY_MS);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name: 'CN=localhost, O=Payam Iran (development proxy)',
    notBefore,
    notAfter: new Date(notBefore.getTime() + VALID_DAYS * DAY_MS),
    keys,
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        { type: 'dns', value: 'localhost' },
        { type: 'ip', value: '127.0.0.1' },
        { type: 'ip', value: '::1' },
      ]),
    ],
  });
  const key = x509.PemConverter.encode(await subtle.exportKey('pkcs8', keys.privateKey), 'PRIVATE KEY');
  // Key first, each written aside and renamed, so nginx never reads a certificate without its key.
  await writeFile(`${files.keyFile}.tmp`, key, { mode: 0o600 });
  await rename(`${files.keyFile}.tmp`, files.keyFile);
  await writeFile(`${files.certFile}.tmp`, cert.toString('pem'));
  await rename(`${files.certFile}.tmp`, files.certFile);
  return true;
}
