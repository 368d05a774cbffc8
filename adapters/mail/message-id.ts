import { randomUUID } from 'node:crypto';

/**
 * A fresh Message-ID in the sender's domain, chosen once per notice (when it is first claimed) and stored
 * with it, so every attempt to send that notice carries the same one. Random rather than derived from the
 * notice: it travels in headers to the recipient and must say nothing about the registration.
 */
export function newMessageId(from: string): string {
  const domain = /@([^@\s>]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
  return `<${randomUUID()}@${domain}>`;
}
