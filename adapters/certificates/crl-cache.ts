import { x509 } from './pki.js';

export class CrlUnavailableError extends Error {
  static readonly code = 'CRL_UNREACHABLE';
  readonly code = CrlUnavailableError.code;
  readonly retryable = true;
  override name = CrlUnavailableError.name;
}

export interface CrlSource {
  /** The issuer's current CRL from `url`, its signature checked against `issuer`; throws CrlUnavailableError when none can be had. */
  current(url: string, issuer: x509.X509Certificate): Promise<x509.X509Crl>;
}

/**
 * CRLs fetched over HTTP and kept until their nextUpdate, so one CRL serves every check until the CA
 * publishes the next. Unreachable, unsigned by the issuer, or already past its nextUpdate: an error,
 * which the worker turns into retries and then an incident — revocation unknown is never "valid".
 */
export function createCrlCache(opts: { timeoutMs: number; now?: () => Date; fetchFn?: typeof fetch }): CrlSource {
  const cache = new Map<string, x509.X509Crl>();
  const now = opts.now ?? (() => new Date());
  const fetchFn = opts.fetchFn ?? fetch;

  async function download(url: string): Promise<x509.X509Crl> {
    let res: Response;
    try {
      res = await fetchFn(url, { signal: AbortSignal.timeout(opts.timeoutMs) });
    } catch (e) {
      throw new CrlUnavailableError(`CRL ${url}: ${(e as Error).name}`);
    }
    if (!res.ok) throw new CrlUnavailableError(`CRL ${url}: HTTP ${res.status}`);
    try {
      return new x509.X509Crl(new Uint8Array(await res.arrayBuffer()));
    } catch {
      throw new CrlUnavailableError(`CRL ${url}: not a CRL`);
    }
  }

  return {
    async current(url, issuer) {
      const key = `${url} ${issuer.serialNumber}`;
      const cached = cache.get(key);
      if (cached?.nextUpdate && cached.nextUpdate > now()) return cached;
      cache.delete(key);
      const crl = await download(url);
      if (crl.issuer !== issuer.subject || !(await crl.verify({ publicKey: issuer })))
        throw new CrlUnavailableError(`CRL ${url}: not signed by the issuer`);
      if (!crl.nextUpdate || crl.nextUpdate <= now())
        throw new CrlUnavailableError(`CRL ${url}: stale (nextUpdate passed)`);
      cache.set(key, crl);
      return crl;
    },
  };
}
