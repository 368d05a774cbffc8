import type { CertificateKind } from '../../domain/certificate-kind.js';
import { checkCmsSignature, checkRawSignature, type SignatureCheck } from './check-signature.js';
import { createCrlCache } from './crl-cache.js';
import { loadTrustAnchors, type TrustAnchors } from './trust-anchors.js';

export interface SignatureChecker {
  /** A CMS over `data` (detached, or attached carrying `data`), checked against the configured anchors and the issuer's CRL. */
  check(cms: Uint8Array, data: Uint8Array, expect: Expectation): Promise<SignatureCheck>;
  /** A bare signature (a browser's WebCrypto) over `data` by the key of `certificate` (DER). */
  checkRaw(
    certificate: Uint8Array,
    signature: Uint8Array,
    data: Uint8Array,
    expect: Expectation,
  ): Promise<SignatureCheck>;
}

/** `at`: the time of our clock the certificate is judged at (CheckContext.at); now unless told. */
type Expectation = { kinds: readonly CertificateKind[]; agencyNationalId?: string; at?: Date };

const files = (list: string) =>
  list
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);

/**
 * The one checker the letter worker and the certificate login share: trust anchors read from the
 * configured PEM files at the first check (the test CA writes its own at its first start), one CRL cache.
 */
export function createSignatureChecker(
  config: {
    CERT_TRUST_ROOT_FILES: string;
    CERT_TRUST_INTERMEDIATE_FILES: string;
    CRL_TIMEOUT_MS: number;
  },
  opts: { now?: () => Date } = {},
): SignatureChecker {
  let anchors: Promise<TrustAnchors> | undefined;
  const crls = createCrlCache({ timeoutMs: config.CRL_TIMEOUT_MS, now: opts.now });
  const loaded = () => {
    anchors ??= loadTrustAnchors(
      files(config.CERT_TRUST_ROOT_FILES),
      files(config.CERT_TRUST_INTERMEDIATE_FILES),
    ).catch((e) => {
      anchors = undefined;
      throw e;
    });
    return anchors;
  };
  const context = async (expect: Expectation) => ({
    anchors: await loaded(),
    crls,
    at: expect.at ?? new Date(),
    kinds: expect.kinds,
    agencyNationalId: expect.agencyNationalId,
  });
  return {
    check: async (cms, data, expect) => checkCmsSignature(cms, data, await context(expect)),
    checkRaw: async (certificate, signature, data, expect) =>
      checkRawSignature(certificate, signature, data, await context(expect)),
  };
}
