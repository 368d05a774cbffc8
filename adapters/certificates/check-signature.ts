import { webcrypto } from 'node:crypto';
import type { SignerFacts } from '../../domain/certificate-facts.js';
import type { CertificateKind } from '../../domain/certificate-kind.js';
import { validAt, type SignatureOutcome } from '../../domain/signature-outcome.js';
import { certificateFacts } from './certificate-facts.js';
import type { CrlSource } from './crl-cache.js';
import { pkijs, x509 } from './pki.js';
import type { TrustAnchors } from './trust-anchors.js';

/** The CMS signed attribute signing-time (RFC 5652, 11.3). */
const SIGNING_TIME_OID = '1.2.840.113549.1.9.5';
/** The content type id-data (RFC 5652, 4): plain bytes, the only content a signature of ours may carry. */
const ID_DATA_OID = '1.2.840.113549.1.7.1';

export interface SignatureCheck {
  outcome: SignatureOutcome;
  signer: SignerFacts | null;
}

export interface CheckContext {
  anchors: TrustAnchors;
  crls: CrlSource;
  /**
   * The time of our own clock the certificate is judged at (validity, chain): a login challenge's is
   * now, a letter's is when its signature was received. Never a time the signer wrote.
   */
  at: Date;
  /** The kinds accepted (a letter: the government organizational seal). */
  kinds: readonly CertificateKind[];
  /** The agency the signature must be the seal of, when one is expected. */
  agencyNationalId?: string;
}

// A copy: a Node Buffer's own .buffer is the whole shared pool.
const buffer = (b: Uint8Array) => new Uint8Array(b).buffer;
const toX509 = (c: pkijs.Certificate) => new x509.X509Certificate(c.toSchema().toBER(false));

function signingTimeOf(signerInfo: pkijs.SignerInfo): Date | null {
  const attr = signerInfo.signedAttrs?.attributes.find((a) => a.type === SIGNING_TIME_OID);
  const value = attr?.values[0] as { toDate?: () => Date } | undefined;
  return value?.toDate ? value.toDate() : null;
}

/**
 * The bytes an attached CMS carries, as pkijs hashes them (an OCTET STRING's value, else the encoded
 * content); null for a detached one.
 */
function encapsulatedContent(signedData: pkijs.SignedData): Uint8Array | null {
  const eContent = signedData.encapContentInfo.eContent;
  if (!eContent) return null;
  return eContent.idBlock.tagClass === 1 && eContent.idBlock.tagNumber === 4
    ? new Uint8Array(eContent.getValue())
    : new Uint8Array(eContent.valueBlock.valueBeforeDecodeView);
}

/**
 * Whether the CMS signs `data` and nothing else. pkijs verifies an attached CMS over the content it
 * carries and ignores the `data` it is given, so a CMS the seal made over any other document would pass
 * as a signature of a challenge or a letter: an attached one counts only when what it carries is these
 * very bytes. Its content type must be plain data (RFC 5652 id-data), as signing software makes it for a
 * document: a timestamp token or another structure signs something else.
 */
function signsTheseBytes(signedData: pkijs.SignedData, data: Uint8Array): boolean {
  if (signedData.encapContentInfo.eContentType !== ID_DATA_OID) return false;
  const carried = encapsulatedContent(signedData);
  return carried === null || Buffer.from(carried).equals(Buffer.from(data));
}

/** The CMS's signed data and the signature's verdict over `data` (with its signer), or null when it does not even parse. */
async function verifyCms(cms: Uint8Array, data: Uint8Array) {
  let signedData: pkijs.SignedData;
  try {
    signedData = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(buffer(cms)).content });
  } catch {
    return null;
  }
  if (signedData.signerInfos.length !== 1) return null;
  try {
    const r = await signedData.verify({ signer: 0, data: buffer(data), extendedMode: true, checkChain: false });
    const verified = Boolean(r.signatureVerified) && signsTheseBytes(signedData, data);
    return { signedData, verified, signer: r.signerCertificate ?? null };
  } catch (e) {
    // pkijs throws for a digest that does not match; the signer is still named.
    return { signedData, verified: false, signer: (e as pkijs.SignedDataVerifyError).signerCertificate ?? null };
  }
}

/**
 * A CMS signature over `data` (detached, or attached carrying exactly `data`): the signature over these
 * bytes, then its signer's certificate (checkSigner).
 */
export async function checkCmsSignature(cms: Uint8Array, data: Uint8Array, ctx: CheckContext): Promise<SignatureCheck> {
  const verified = await verifyCms(cms, data);
  if (!verified?.signer) return { outcome: 'bad_signature', signer: null };
  const carried = (verified.signedData.certificates ?? []).filter(
    (c): c is pkijs.Certificate => c instanceof pkijs.Certificate,
  );
  const claimedSigningTime = signingTimeOf(verified.signedData.signerInfos[0]!);
  return checkSigner(verified.signer, carried, claimedSigningTime, verified.verified, ctx);
}

/**
 * A bare signature over `data` (what a browser's WebCrypto makes: ECDSA P-256 in IEEE P1363 form, or
 * RSASSA-PKCS1-v1_5, both with SHA-256) by the key of `certificate` (DER); it claims no signing time.
 * The same checks of the certificate as a CMS's signer gets.
 */
export async function checkRawSignature(
  certificate: Uint8Array,
  signature: Uint8Array,
  data: Uint8Array,
  ctx: CheckContext,
): Promise<SignatureCheck> {
  let leaf: pkijs.Certificate;
  let cert: x509.X509Certificate;
  try {
    leaf = pkijs.Certificate.fromBER(buffer(certificate));
    cert = new x509.X509Certificate(buffer(certificate));
  } catch {
    return { outcome: 'bad_signature', signer: null };
  }
  const ec = cert.publicKey.algorithm.name === 'ECDSA';
  const importAs = ec ? cert.publicKey.algorithm : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const key = await cert.publicKey.export(importAs, ['verify']).catch(() => null);
  const verifyAs = ec ? { name: 'ECDSA', hash: 'SHA-256' } : importAs;
  const ok = key
    ? await webcrypto.subtle.verify(verifyAs, key, buffer(signature), buffer(data)).catch(() => false)
    : false;
  return checkSigner(leaf, [], null, ok, ctx);
}

/**
 * The signer's certificate checked as a relying party must: valid at `ctx.at` (and the signing time it
 * claims consistent with that); its chain to a configured root at `ctx.at`; its revocation in the
 * issuer's current CRL; its key usage; its kind; its organization. The first failure is the outcome.
 * A CRL that cannot be had throws (CrlUnavailableError): never "valid".
 */
async function checkSigner(
  signer: pkijs.Certificate,
  carried: pkijs.Certificate[],
  signingTime: Date | null,
  signatureOk: boolean,
  ctx: CheckContext,
): Promise<SignatureCheck> {
  const leaf = toX509(signer);
  const facts: SignerFacts = { ...certificateFacts(leaf), signingTime, revocation: 'not_checked', revokedAt: null };
  const result = (outcome: SignatureOutcome): SignatureCheck => ({ outcome, signer: facts });
  if (!signatureOk) return result('bad_signature');
  if (!validAt(ctx.at, facts.notBefore, facts.notAfter, signingTime)) return result('expired');

  const chain = await new pkijs.CertificateChainValidationEngine({
    trustedCerts: ctx.anchors.roots,
    certs: [...ctx.anchors.intermediates, ...carried, signer],
    checkDate: ctx.at,
  })
    .verify()
    .catch(() => null);
  const issuer = chain?.result
    ? chain.certificatePath?.map(toX509).find((c) => c.subject === leaf.issuer && c.serialNumber !== leaf.serialNumber)
    : undefined;
  if (!issuer || !facts.crlUrl) return result('untrusted_chain');

  const crl = await ctx.crls.current(facts.crlUrl, issuer);
  const entry = crl.findRevoked(leaf);
  facts.revocation = entry ? 'revoked' : 'good';
  facts.revokedAt = entry?.revocationDate ?? null;
  if (entry) return result('revoked');
  if (!facts.mayAttest) return result('key_usage');
  if (!facts.kind || !ctx.kinds.includes(facts.kind)) return result('wrong_kind');
  if (ctx.agencyNationalId !== undefined && facts.agencyNationalId !== ctx.agencyNationalId)
    return result('other_organization');
  return result('valid');
}
