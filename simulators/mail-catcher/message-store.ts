import { randomUUID } from 'node:crypto';
import type { ParsedMessage } from './parse-message.js';

export interface StoredMessage extends ParsedMessage {
  id: string;
  /** Envelope recipients (RCPT TO), so Bcc'd addresses are found too. */
  to: string[];
  receivedAt: string;
}

/** Oldest messages go first once the cap is reached, so a long dev session cannot exhaust memory. */
export function createMessageStore(maxMessages = 500) {
  let messages: StoredMessage[] = [];
  return {
    add(parsed: ParsedMessage, to: string[]): StoredMessage {
      const message = { id: randomUUID(), ...parsed, to, receivedAt: new Date().toISOString() };
      messages.push(message);
      if (messages.length > maxMessages) messages = messages.slice(-maxMessages);
      return message;
    },
    /** Newest last, the order they arrived in. Addresses compare case-insensitively. */
    list(filter: { to?: string } = {}): StoredMessage[] {
      const to = filter.to?.trim().toLowerCase();
      return to ? messages.filter((m) => m.to.some((r) => r.toLowerCase() === to)) : [...messages];
    },
    get: (id: string): StoredMessage | undefined => messages.find((m) => m.id === id),
    clear(): void {
      messages = [];
    },
  };
}

export type MessageStore = ReturnType<typeof createMessageStore>;
