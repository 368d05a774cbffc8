import { createHash } from 'node:crypto';

/**
 * Deterministic Message-ID for an idempotency key. The key is hashed because it may name the
 * registration it belongs to, and Message-IDs travel in headers to the recipient.
 */
export function messageIdFor(idempotencyKey: string, from: string): string {
  const domain = /@([^@\s>]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
  const digest = createHash('sha256').update(`payam-mail:${idempotencyKey}`).digest('hex').slice(0, 40);
  return `<${digest}@${domain}>`;
}
