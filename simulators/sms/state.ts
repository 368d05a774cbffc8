import { createFaultSwitch } from '../shared/fault-switch.js';

/** A message as the handset would show it; tests read these instead of a phone. */
export type SentMessage = { id: string; to: string; text: string; template?: string; tokens?: string[]; at: string };

/** `onMessage` hears each message as it is delivered: a benchmark in the same process reads the phone without polling. */
export function createSmsState(onMessage?: (message: SentMessage) => void) {
  const messages: SentMessage[] = [];
  // Kavenegar's `localid` makes send.json idempotent: a repeat returns the first message.
  const byLocalId = new Map<string, SentMessage>();
  const faults = createFaultSwitch<'sms'>();
  let nextId = 880_000_001;
  return {
    messages,
    byLocalId,
    faults,
    record(message: Omit<SentMessage, 'id' | 'at'>): SentMessage {
      const sent = { id: String(nextId++), ...message, at: new Date().toISOString() };
      messages.push(sent);
      onMessage?.(sent);
      return sent;
    },
    reset(): void {
      messages.length = 0;
      byLocalId.clear();
      faults.clear();
    },
  };
}

export type SmsState = ReturnType<typeof createSmsState>;
