import { createHttpPost, type TlsFiles } from './http-post.js';
import { PgsbError, PgsbErrorCode } from './pgsb-error.js';

/** A service address on the bus, in X-Road's terms. */
export type PgsbService = {
  instance: string;
  memberClass: string;
  memberCode: string;
  subsystem: string;
  serviceCode: string;
  version: string;
};

export type PgsbClientConfig = {
  baseUrl: string;
  /** Our subsystem on the bus, e.g. `IR/GOV/ORG/PAYAM`. */
  clientId: string;
  userId: string;
  token?: string;
  timeoutMs: number;
  tls?: TlsFiles;
};

export type PgsbClient = {
  /** `messageId` comes from the caller so a retried job sends the same X-Road-Id and the bus can spot repeats. */
  call(service: PgsbService, body: unknown, ctx: { messageId: string }): Promise<unknown>;
};

export const serviceAddress = (s: PgsbService) =>
  [s.instance, s.memberClass, s.memberCode, s.subsystem, s.serviceCode, s.version].map(encodeURIComponent).join('/');

export function createPgsbClient(config: PgsbClientConfig): PgsbClient {
  const post = createHttpPost(config.tls);
  const base = config.baseUrl.endsWith('/') ? config.baseUrl : `${config.baseUrl}/`;
  return {
    async call(service, body, { messageId }) {
      const address = serviceAddress(service);
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        accept: 'application/json',
        'x-road-client': config.clientId,
        'x-road-id': messageId,
        'x-road-userid': config.userId,
        ...(config.token ? { authorization: `Bearer ${config.token}` } : {}),
      };
      let reply;
      try {
        reply = await post(
          new URL(`r1/${address}`, base),
          headers,
          JSON.stringify(body),
          AbortSignal.timeout(config.timeoutMs),
        );
      } catch (err) {
        if (err instanceof Error && err.name === 'TimeoutError') {
          throw new PgsbError(PgsbErrorCode.TIMEOUT, `${address}: no answer within ${config.timeoutMs} ms`, {
            service: address,
          });
        }
        const cause = (err as NodeJS.ErrnoException).code ?? 'network error';
        throw new PgsbError(PgsbErrorCode.UNAVAILABLE, `${address}: ${cause}`, { service: address });
      }
      return readReply(address, reply.status, reply.body);
    },
  };
}

function readReply(service: string, status: number, text: string): unknown {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const faultType =
    typeof (body as { type?: unknown })?.type === 'string' ? (body as { type: string }).type : undefined;
  const details = { service, status, faultType };
  if (status === 401 || status === 403)
    throw new PgsbError(PgsbErrorCode.UNAUTHORIZED, `${service}: HTTP ${status}`, details);
  // 504 is the bus saying the member's service behind it did not answer in time.
  if (status === 504)
    throw new PgsbError(PgsbErrorCode.TIMEOUT, `${service}: HTTP 504 ${faultType ?? ''}`.trim(), details);
  if (status >= 500)
    throw new PgsbError(PgsbErrorCode.UNAVAILABLE, `${service}: HTTP ${status} ${faultType ?? ''}`.trim(), details);
  if (status !== 200 || body === undefined) {
    throw new PgsbError(
      PgsbErrorCode.BAD_RESPONSE,
      `${service}: HTTP ${status} ${faultType ?? 'unreadable body'}`,
      details,
    );
  }
  return body;
}
