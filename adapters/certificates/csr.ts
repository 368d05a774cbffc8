import * as asn1js from 'asn1js';
import type { SubjectAttribute } from '../../domain/certificate-request-form.js';
import { fail, ok, type Result } from '../../domain/result.js';
import { pkijs } from './pki.js';

export type CsrProblem = 'csr_unreadable' | 'csr_key_algorithm' | 'csr_weak_key' | 'csr_signature';

export interface CsrFacts {
  /** The request as DER, what the CA is handed. */
  der: Buffer;
  subject: SubjectAttribute[];
  /** The key as the clerk reads it: "ECDSA P-256", "RSA 3072". */
  key: string;
}

const RSA = '1.2.840.113549.1.1.1';
const EC = '1.2.840.10045.2.1';
/** The curves a token's ECDSA key may be on (NIST P-256 and P-384; what WebCrypto and the CA's pkijs verify). */
const CURVES: Record<string, string> = { '1.2.840.10045.3.1.7': 'P-256', '1.3.132.0.34': 'P-384' };
/** NIST SP 800-57: RSA below 2048 bits is no longer acceptable for signatures. */
const RSA_MIN_BITS = 2048;

/** PEM (BEGIN CERTIFICATE REQUEST or NEW CERTIFICATE REQUEST, as OpenSSL and older tools write it) or DER. */
function derOf(content: Buffer): Buffer | null {
  const text = content.toString('latin1');
  const pem =
    /-----BEGIN (?:NEW )?CERTIFICATE REQUEST-----([A-Za-z0-9+/=\s]+)-----END (?:NEW )?CERTIFICATE REQUEST-----/.exec(
      text,
    );
  if (pem) return Buffer.from(pem[1]!.replace(/\s+/g, ''), 'base64');
  return content.length > 0 && content[0] === 0x30 ? content : null;
}

function rsaBits(spki: pkijs.PublicKeyInfo): number {
  const key = pkijs.RSAPublicKey.fromBER(new Uint8Array(spki.subjectPublicKey.valueBlock.valueHexView).slice().buffer);
  const modulus = key.modulus.valueBlock.valueHexView;
  let bytes = modulus.length;
  let i = 0;
  while (i < modulus.length && modulus[i] === 0) {
    bytes -= 1;
    i += 1;
  }
  return bytes === 0 ? 0 : (bytes - 1) * 8 + Math.floor(Math.log2(modulus[i]!)) + 1;
}

function keyOf(spki: pkijs.PublicKeyInfo): Result<string, CsrProblem> {
  const algorithm = spki.algorithm.algorithmId;
  if (algorithm === RSA) {
    const bits = rsaBits(spki);
    return bits >= RSA_MIN_BITS ? ok(`RSA ${bits}`) : fail('csr_weak_key');
  }
  if (algorithm === EC) {
    const params = spki.algorithm.algorithmParams as unknown;
    const curve = params instanceof asn1js.ObjectIdentifier ? CURVES[params.valueBlock.toString()] : undefined;
    return curve ? ok(`ECDSA ${curve}`) : fail('csr_weak_key');
  }
  return fail('csr_key_algorithm');
}

/**
 * A token's PKCS#10 request, checked before the clerk sees it: it parses (and nothing follows it), its
 * key is RSA of 2048 bits or more or ECDSA on P-256/P-384, and it is signed with the private key whose
 * public half it carries — proof that whoever made it holds the key (RFC 2986, 4.2), which stays on the token.
 */
export async function readCsr(content: Buffer): Promise<Result<CsrFacts, CsrProblem>> {
  const der = derOf(content);
  if (!der) return fail('csr_unreadable');
  let csr: pkijs.CertificationRequest;
  try {
    const asn1 = asn1js.fromBER(new Uint8Array(der).buffer);
    if (asn1.offset === -1 || asn1.offset !== der.length) return fail('csr_unreadable');
    csr = new pkijs.CertificationRequest({ schema: asn1.result });
  } catch {
    return fail('csr_unreadable');
  }
  const key = keyOf(csr.subjectPublicKeyInfo);
  if (!key.ok) return key;
  const verified = await csr.verify().catch(() => false);
  if (!verified) return fail('csr_signature');
  const subject = csr.subject.typesAndValues.map((tv) => ({
    oid: tv.type,
    value: String((tv.value as { valueBlock: { value: unknown } }).valueBlock.value),
  }));
  return ok({ der, subject, key: key.value });
}

/** The subject in one line, as OpenSSL prints it, for the clerk to read against the documents. */
export function subjectLine(subject: readonly SubjectAttribute[]): string {
  const names: Record<string, string> = {
    '2.5.4.6': 'C',
    '2.5.4.10': 'O',
    '2.5.4.97': 'organizationIdentifier',
    '2.5.4.12': 'title',
    '2.5.4.3': 'CN',
  };
  return subject.map((a) => `${names[a.oid] ?? a.oid}=${a.value}`).join(', ');
}
