import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';

export type TlsFiles = { caFile?: string; certFile?: string; keyFile?: string };
type HttpReply = { status: number; body: string };
export type HttpPost = (
  url: URL,
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal,
) => Promise<HttpReply>;

/**
 * A minimal POST over node:http(s). Not `fetch`: mutual TLS needs client certificates on the agent,
 * which Node's built-in fetch can only take through the `undici` package, which we do not ship.
 */
export function createHttpPost(tls: TlsFiles = {}): HttpPost {
  const read = (file?: string) => (file ? readFileSync(file) : undefined);
  const hasTls = Boolean(tls.caFile || tls.certFile || tls.keyFile);
  // Files are read once at start, so a missing certificate stops the service instead of every call.
  const agent = hasTls
    ? new https.Agent({ keepAlive: true, ca: read(tls.caFile), cert: read(tls.certFile), key: read(tls.keyFile) })
    : undefined;

  return (url, headers, body, signal) =>
    new Promise((resolve, reject) => {
      const send = url.protocol === 'https:' ? https.request : http.request;
      const req = send(
        url,
        { method: 'POST', headers, agent: url.protocol === 'https:' ? agent : undefined },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      // Rejecting with the signal's reason keeps "TimeoutError" distinguishable from a broken connection.
      const abort = () => {
        req.destroy();
        reject(signal.reason);
      };
      if (signal.aborted) return abort();
      signal.addEventListener('abort', abort, { once: true });
      req.on('close', () => signal.removeEventListener('abort', abort));
      req.on('error', reject);
      req.end(body);
    });
}
