import { pkijs } from '../../adapters/certificates/pki.js';

/** A detached signature file is at most this large: a CMS with a few certificates is 2–8 KB. */
export const SIGNATURE_MAX_BYTES = 64 * 1024;

/** A `.p7s` is a CMS ContentInfo of type SignedData (DER or BER); anything else is refused at upload. */
export function isCmsSignedData(content: Buffer): boolean {
  try {
    const info = pkijs.ContentInfo.fromBER(new Uint8Array(content).buffer);
    if (info.contentType !== pkijs.ContentInfo.SIGNED_DATA) return false;
    return new pkijs.SignedData({ schema: info.content }).signerInfos.length > 0;
  } catch {
    return false;
  }
}
