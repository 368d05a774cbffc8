import { webcrypto } from 'node:crypto';
import { x509 } from '../../adapters/certificates/pki.js';
import { organizationIdentifier, SUBJECT_OIDS } from '../../domain/certificate-kind.js';
import { newAgencyNationalId, newApplicant } from '../../ops/fixtures/applicants.js';
import { pdfOfPages } from '../api/letter-files.js';

const EC = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const RSA = (bits: number) =>
  ({
    name: 'RSASSA-PKCS1-v1_5',
    hash: 'SHA-256',
    publicExponent: new Uint8Array([1, 0, 1]),
    modulusLength: bits,
  }) as const;

export interface Subject {
  organization: string;
  agencyNationalId: string;
  role: string;
  commonName: string;
}

/** A token's PKCS#10 request for `subject`, as a token's software (or WebCrypto) makes it, with the key it holds. */
export async function makeCsr(subject: Subject, key: 'ec' | 'rsa2048' | 'rsa1024' = 'ec', extra: x509.JsonName = []) {
  const algorithm = key === 'ec' ? EC : RSA(key === 'rsa2048' ? 2048 : 1024);
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as CryptoKeyPair;
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: [
      { [SUBJECT_OIDS.country]: ['IR'] },
      { [SUBJECT_OIDS.organization]: [subject.organization] },
      { [SUBJECT_OIDS.organizationIdentifier]: [organizationIdentifier(subject.agencyNationalId)] },
      { [SUBJECT_OIDS.title]: [subject.role] },
      { [SUBJECT_OIDS.commonName]: [subject.commonName] },
      ...extra,
    ],
    keys,
    signingAlgorithm: key === 'ec' ? { name: 'ECDSA', hash: 'SHA-256' } : algorithm,
  });
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return {
    pem: csr.toString('pem'),
    der: Buffer.from(csr.rawData),
    privateKeyPem: x509.PemConverter.encode(pkcs8, 'PRIVATE KEY'),
  };
}

/** The same request with one byte of its signature changed: it parses, and proves nothing. */
export function tamperedSignature(der: Buffer): Buffer {
  const copy = Buffer.from(der);
  copy[copy.length - 5] = copy[copy.length - 5]! ^ 0x01;
  return copy;
}

/** A government seal's request for a fresh agency: the form's fields, the scans and the CSR as the clerk uploads them. */
export async function sealRequest(overrides: Record<string, string> = {}) {
  const person = newApplicant();
  const fields = {
    kind: 'seal-government',
    role: 'MANAGER',
    organization: 'سازمان آزمایش گواهی',
    agencyNationalId: newAgencyNationalId(),
    nationalCode: person.nationalCode,
    firstName: person.firstName,
    lastName: person.lastName,
    mobile: person.mobile,
    ...overrides,
  };
  const csr = await makeCsr({
    organization: fields.organization,
    agencyNationalId: fields.agencyNationalId,
    role: fields.role,
    commonName: fields.organization,
  });
  return { fields, csr, nationalCard: await pdfOfPages(1) };
}

/** The multipart form the RA page posts. */
export function requestForm(
  fields: Record<string, string>,
  files: Partial<
    Record<'nationalCard' | 'birthCertificate' | 'agencyLetter' | 'csr', { content: Buffer; name: string }>
  >,
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const [k, f] of Object.entries(files)) if (f) form.append(k, new Blob([new Uint8Array(f.content)]), f.name);
  return form;
}
