import type { CertificateKind } from '../../domain/certificate-kind.js';
import { checkCmsSignature, type SignatureCheck } from './check-signature.js';
import { createCrlCache } from './crl-cache.js';
import { loadTrustAnchors, type TrustAnchors } from './trust-anchors.js';

export interface SignatureChecker {
  /** A detached CMS over `data`, checked against the configured anchors and the issuer's CRL. */
  check(cms: Uint8Array, data: Uint8Array, expect: { kinds: readonly CertificateKind[]; agencyNationalId?: string; now?: Date }): Promise<SignatureCheck>;
}

const files = (list: string) => list.split(',').map((f) => f.trim()).filter(Boolean);

/**
 * The one checker the letter worker and the certificate login share: trust anchors read from the
 * configured PEM files at the first check (the test CA writes its own at its first start), one CRL cache.
 */
export function createSignatureChecker(config: { CERT_TRUST_ROOT_FILES: string; CERT_TRUST_INTERMEDIATE_FILES: string; CRL_TIMEOUT_MS: number }): SignatureChecker {
  let anchors: Promise<TrustAnchors> | undefined;
  const crls = createCrlCache({ timeoutMs: config.CRL_TIMEOUT_MS });
  const loaded = () => {
    anchors ??= loadTrustAnchors(files(config.CERT_TRUST_ROOT_FILES), files(config.CERT_TRUST_INTERMEDIATE_FILES))
      .catch((e) => { anchors = undefined; throw e; });
    return anchors;
  };
  return {
    async check(cms, data, expect) {
      return checkCmsSignature(cms, data, { anchors: await loaded(), crls, now: expect.now ?? new Date(), kinds: expect.kinds, agencyNationalId: expect.agencyNationalId });
    },
  };
}
