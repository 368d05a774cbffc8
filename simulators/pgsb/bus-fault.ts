import { randomUUID } from 'node:crypto';

/** The shape X-Road security servers use for REST faults: a dotted type, a message, a detail id. */
export function busFault(type: string, message: string) {
  return { type, message, detail: randomUUID() };
}
