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
}
interface IssuedByCa {
  serialNumber: string;
  certificatePem: string;
}

/** The intermediate CA as its registration office reaches it: issue and revoke. */
export interface CaRaClient {
  issue(request: IssueRequest): Promise<IssuedByCa>;
  revoke(serialNumber: string): Promise<{ revokedAt: string }>;
}

export function createCaRaClient(opts: { baseUrl: string; token: string; timeoutMs: number }): CaRaClient {
  async function post<T>(path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${opts.baseUrl.replace(/\/$/, '')}${path}`, {
        method: 'POST',
        signal: AbortSignal.timeout(opts.timeoutMs),
        headers: { authorization: `Bearer ${opts.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
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
    revoke: (serialNumber) =>
      post<{ revokedAt: string }>(`/ra/certificates/${encodeURIComponent(serialNumber)}/revoke`),
  };
}
