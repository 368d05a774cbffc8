import { decodeCharset, decodeTransferEncoding } from './mime-decoding.js';
import { parseEntity, parseHeaderValue, type MimeEntity } from './mime-headers.js';

export interface ParsedMessage {
  from: string;
  subject: string;
  messageId?: string;
  text: string;
  html?: string;
}

/**
 * Just enough MIME for what our own mailer sends (and most clients): nested multiparts, the first
 * inline text/plain and text/html parts, base64 / quoted-printable, any charset TextDecoder knows.
 */
export function parseMessage(raw: Buffer): ParsedMessage {
  // SMTP makes every message end in a line break; it is framing, not part of a single-part body.
  const root = parseEntity(raw.toString('latin1').replace(/\r?\n$/, ''));
  const bodies: { text?: string; html?: string } = {};
  collectBodies(root, bodies, 0);
  const messageId = root.headers.get('message-id');
  return {
    from: root.headers.get('from') ?? '',
    subject: root.headers.get('subject') ?? '',
    ...(messageId ? { messageId } : {}),
    text: bodies.text ?? '',
    ...(bodies.html !== undefined ? { html: bodies.html } : {}),
  };
}

const MAX_DEPTH = 10; // a hostile message could nest multiparts until the stack runs out

function collectBodies(entity: MimeEntity, out: { text?: string; html?: string }, depth: number): void {
  const type = parseHeaderValue(entity.headers.get('content-type') ?? 'text/plain; charset=us-ascii');
  const boundary = type.params.get('boundary');
  if (type.value.startsWith('multipart/') && boundary && depth < MAX_DEPTH) {
    for (const part of splitMultipart(entity.body, boundary)) collectBodies(parseEntity(part), out, depth + 1);
    return;
  }
  if (parseHeaderValue(entity.headers.get('content-disposition')).value === 'attachment') return;
  const key = type.value === 'text/plain' ? 'text' : type.value === 'text/html' ? 'html' : undefined;
  if (!key || out[key] !== undefined) return;
  const bytes = decodeTransferEncoding(entity.body, entity.headers.get('content-transfer-encoding'));
  // SMTP mandates CRLF; callers compare against strings written with \n.
  out[key] = decodeCharset(bytes, type.params.get('charset')).replace(/\r\n/g, '\n');
}

function splitMultipart(body: string, boundary: string): string[] {
  const escaped = boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const delimiter = new RegExp(`(?:^|\\r?\\n)--${escaped}(--)?[ \\t]*(?:\\r?\\n|$)`, 'g');
  const parts: string[] = [];
  let start: number | undefined;
  for (const m of body.matchAll(delimiter)) {
    if (start !== undefined) parts.push(body.slice(start, m.index));
    if (m[1]) break; // closing delimiter: what follows is the epilogue
    start = m.index + m[0].length;
  }
  return parts;
}
