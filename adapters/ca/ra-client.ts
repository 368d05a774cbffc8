import type { RaSigner } from './ra-signer.js';

/** A CA refused or could not be reached: retried, then an incident naming the CA. */
class CaError extends Error {
  static readonly code = 'CA_UNAVAILABLE';
  readonly code = CaError.code;
  override name = CaError.name;
  constructor(
    message: string,
    readonly retryable = true,
  ) {
    super(message);
  }
}

interface IssueRequest {
  kind: string;
  commonName: string;
  organization?: string;
  agencyNationalId?: string;
  role?: string;
  /** The token's PKCS#10 request, DER in base64: the CA certifies its key, which never left the token. */
  csr?: string;
}
interface IssuedByCa {
  serialNumber: string;
  certificatePem: string;
  chainPem: string;
}

/** The header that carries the office's detached CMS signature over the request's body. */
export const RA_SIGNATURE_HEADER = 'x-ra-signature';

/** The intermediate CA as its registration office reaches it: issue and revoke, each request signed by the office. */
export interface CaRaClient {
  issue(request: IssueRequest): Promise<IssuedByCa>;
  revoke(serialNumber: string, reason?: number): Promise<{ revokedAt: string }>;
}

export function createCaRaClient(opts: {
  baseUrl: string;
  token: string;
  timeoutMs: number;
  signer: RaSigner;
}): CaRaClient {
  async function post<T>(path: string, body: unknown): Promise<T> {
    const bytes = Buffer.from(JSON.stringify(body));
    let signature: string;
    try {
      signature = await opts.signer.sign(bytes);
    } catch (e) {
      // The office's own key or certificate is missing or unreadable: a person must fix the files.
      throw new CaError(`${path}: the office's signing certificate is unusable (${(e as Error).name})`, false);
    }
    let res: Response;
    try {
      res = await fetch(`${opts.baseUrl.replace(/\/$/, '')}${path}`, {
        method: 'POST',
        signal: AbortSignal.timeout(opts.timeoutMs),
        headers: {
          authorization: `Bearer ${opts.token}`,
          'content-type': 'application/json',
          [RA_SIGNATURE_HEADER]: signature,
        },
        body: bytes,
      });
    } catch (e) {
      throw new CaError(`${path}: ${(e as Error).name}`);
    }
    // 4xx other than a lost token is the request's fault: waiting will not cure it.
    if (!res.ok)
      throw new CaError(`${path}: HTTP ${res.status}`, res.status >= 500 || res.status === 401 || res.status === 429);
    return (await res.json()) as T;
  }
  return {
    issue: (request) => post<IssuedByCa>('/ra/certificates', request),
    revoke: (serialNumber, reason) =>
      post<{ revokedAt: string }>(`/ra/certificates/${encodeURIComponent(serialNumber)}/revoke`, {
        ...(reason === undefined ? {} : { reason }),
      }),
  };
}
