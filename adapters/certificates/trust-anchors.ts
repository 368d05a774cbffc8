import { readFile } from 'node:fs/promises';
import { pkijs, x509 } from './pki.js';

export interface TrustAnchors {
  /** Self-signed roots: where a chain must end. */
  roots: pkijs.Certificate[];
  /** Intermediates the CA publishes, for chains whose CMS leaves them out. */
  intermediates: pkijs.Certificate[];
}

class TrustAnchorError extends Error {
  static readonly code = 'TRUST_ANCHORS_UNREADABLE';
  readonly code = TrustAnchorError.code;
  readonly retryable = true;
  override name = TrustAnchorError.name;
}

const toPkijs = (c: x509.X509Certificate) => pkijs.Certificate.fromBER(new Uint8Array(c.rawData).slice().buffer);

/** Every certificate in the PEM files named; a file that is missing or holds none stops the check (an incident, never "valid"). */
export async function loadTrustAnchors(
  rootFiles: readonly string[],
  intermediateFiles: readonly string[],
): Promise<TrustAnchors> {
  const read = async (file: string) => {
    try {
      const certs = x509.PemConverter.decode(await readFile(file, 'utf8')).map((der) => new x509.X509Certificate(der));
      if (certs.length === 0) throw new Error('no certificate');
      return certs;
    } catch (e) {
      throw new TrustAnchorError(`trust anchor ${file}: ${(e as Error).message}`);
    }
  };
  const roots = (await Promise.all(rootFiles.map(read))).flat();
  const intermediates = (await Promise.all(intermediateFiles.map(read))).flat();
  return { roots: roots.map(toPkijs), intermediates: intermediates.map(toPkijs) };
}
