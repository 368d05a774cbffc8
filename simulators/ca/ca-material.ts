import { existsSync } from 'node:fs';
import { constants } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { x509 } from './pki.js';
import { exportPrivateKeyPem, generateKeys, importPrivateKeyPem, SIGNING_ALGORITHM } from './crypto-setup.js';

/** A certification authority: its certificate and the key it signs with. */
export interface Authority {
  cert: x509.X509Certificate;
  key: CryptoKey;
}
export interface CaMaterial {
  root: Authority;
  intermediate: Authority;
}

export const CA_FILES = {
  rootCert: 'root.crt.pem',
  rootKey: 'root.key.pem',
  intermediateCert: 'intermediate.crt.pem',
  intermediateKey: 'intermediate.key.pem',
} as const;

const YEAR_MS = 365 * 24 * 3600 * 1000;
const ROOT_NAME = 'C=IR, O=Payam Test PKI, CN=Payam Test Root CA';
const INTERMEDIATE_NAME = 'C=IR, O=Payam Test PKI, CN=Payam Test Intermediate CA (GICA-like)';

/** A CA certificate signed by `issuer`, or self-signed when there is none. */
async function authority(name: string, issuer: Authority | null, pathLength: number): Promise<Authority> {
  const keys = await generateKeys();
  const notBefore = new Date(Date.now() - 24 * 3600 * 1000);
  const common = {
    notBefore,
    notAfter: new Date(notBefore.getTime() + 20 * YEAR_MS),
    signingAlgorithm: SIGNING_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, pathLength, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  };
  const cert = issuer
    ? await x509.X509CertificateGenerator.create({
        ...common,
        subject: name,
        issuer: issuer.cert.subject,
        publicKey: keys.publicKey,
        signingKey: issuer.key,
        extensions: [...common.extensions, await x509.AuthorityKeyIdentifierExtension.create(issuer.cert.publicKey)],
      })
    : await x509.X509CertificateGenerator.createSelfSigned({ ...common, name, keys });
  return { cert, key: keys.privateKey };
}

/** A root and an intermediate under it, made in memory (also the "untrusted" pair for broken-chain tests). */
export async function createHierarchy(): Promise<CaMaterial> {
  const root = await authority(ROOT_NAME, null, 1);
  return { root, intermediate: await authority(INTERMEDIATE_NAME, root, 0) };
}

async function readAuthority(dir: string, certFile: string, keyFile: string): Promise<Authority> {
  return {
    cert: new x509.X509Certificate(await readFile(path.join(dir, certFile), 'utf8')),
    key: await importPrivateKeyPem(await readFile(path.join(dir, keyFile), 'utf8')),
  };
}

/**
 * The test CA's root and intermediate, made at the first start and kept in `dir` (.cache/ca), so the
 * trust anchors the services are configured with stay the same across restarts. Written to a fresh
 * folder and renamed into place, so simulators starting side by side (parallel test files) all end up
 * with one hierarchy: the first rename wins and the others read it.
 */
export async function loadOrCreateCa(dir: string): Promise<CaMaterial> {
  if (!existsSync(path.join(dir, CA_FILES.intermediateKey))) {
    await mkdir(path.dirname(dir), { recursive: true });
    const tmp = await mkdtemp(`${dir}.tmp-`);
    const { root, intermediate } = await createHierarchy();
    await writeFile(path.join(tmp, CA_FILES.rootCert), root.cert.toString('pem'));
    await writeFile(path.join(tmp, CA_FILES.rootKey), await exportPrivateKeyPem(root.key), { mode: 0o600 });
    await writeFile(path.join(tmp, CA_FILES.intermediateCert), intermediate.cert.toString('pem'));
    await writeFile(path.join(tmp, CA_FILES.intermediateKey), await exportPrivateKeyPem(intermediate.key), {
      mode: 0o600,
    });
    try {
      await rename(tmp, dir);
    } catch {
      // Another start won, or `dir` is a mount point (a Docker volume) that cannot be replaced: fill it
      // file by file, never overwriting one that is there.
      if (!existsSync(path.join(dir, CA_FILES.intermediateKey))) {
        await mkdir(dir, { recursive: true });
        for (const f of Object.values(CA_FILES)) {
          await copyFile(path.join(tmp, f), path.join(dir, f), constants.COPYFILE_EXCL).catch(
            (e: NodeJS.ErrnoException) => {
              if (e.code !== 'EEXIST') throw e;
            },
          );
        }
      }
      await rm(tmp, { recursive: true, force: true });
    }
  }
  return {
    root: await readAuthority(dir, CA_FILES.rootCert, CA_FILES.rootKey),
    intermediate: await readAuthority(dir, CA_FILES.intermediateCert, CA_FILES.intermediateKey),
  };
}

/** The registration office's own certificate and key, which the office signs its requests to the CA with. */
export const RA_OFFICE_FILES = { dir: 'ra-office', cert: 'certificate.pem', key: 'key.pem' } as const;
/** The policy a registration office's certificate carries (under the example arc of domain/certificate-kind.ts). */
export const RA_OFFICE_POLICY = '2.999.364.12.9';
const RA_OFFICE_NAME = 'C=IR, O=Payam Test PKI, OU=Registration Office, CN=Payam Test Registration Office 1';

/**
 * The test CA's one registration office, certified by the intermediate at the first start and kept in
 * `dir/ra-office/`; made in a fresh folder and renamed into place, so simulators starting side by side
 * end up with one. The services read these files as CA_RA_CERTIFICATE_FILE and CA_RA_KEY_FILE.
 */
export async function loadOrCreateRaOffice(dir: string, issuer: Authority): Promise<x509.X509Certificate> {
  const officeDir = path.join(dir, RA_OFFICE_FILES.dir);
  if (!existsSync(path.join(officeDir, RA_OFFICE_FILES.cert))) {
    const keys = await generateKeys();
    const notBefore = new Date(Date.now() - 24 * 3600 * 1000);
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: '7a01',
      subject: RA_OFFICE_NAME,
      issuer: issuer.cert.subject,
      publicKey: keys.publicKey,
      signingKey: issuer.key,
      notBefore,
      notAfter: new Date(notBefore.getTime() + 5 * YEAR_MS),
      signingAlgorithm: SIGNING_ALGORITHM,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.CertificatePolicyExtension([RA_OFFICE_POLICY]),
        await x509.AuthorityKeyIdentifierExtension.create(issuer.cert.publicKey),
      ],
    });
    const tmp = await mkdtemp(`${officeDir}.tmp-`);
    await writeFile(path.join(tmp, RA_OFFICE_FILES.cert), cert.toString('pem'));
    await writeFile(path.join(tmp, RA_OFFICE_FILES.key), await exportPrivateKeyPem(keys.privateKey), { mode: 0o600 });
    // Another start won the rename: its office is the one.
    await rename(tmp, officeDir).catch(() => rm(tmp, { recursive: true, force: true }));
  }
  return new x509.X509Certificate(await readFile(path.join(officeDir, RA_OFFICE_FILES.cert), 'utf8'));
}
