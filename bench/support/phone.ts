import type { SentMessage } from '../../simulators/sms/state.js';

/**
 * The applicants' phones: messages the SMS simulator delivers, heard in this process as they arrive,
 * so waiting for a code costs no polling. `expect` is called before the action that sends.
 */
export function phones(timeoutMs = 60_000) {
  const waiting = new Set<{ to: string; match: (m: SentMessage) => boolean; resolve: (m: SentMessage) => void }>();
  return {
    deliver(message: SentMessage) {
      for (const w of waiting) {
        if (w.to === message.to && w.match(message)) {
          waiting.delete(w);
          w.resolve(message);
        }
      }
    },
    expect(to: string, match: (m: SentMessage) => boolean, what: string): Promise<SentMessage> {
      const expected = new Promise<SentMessage>((resolve, reject) => {
        const w = { to, match, resolve: (m: SentMessage) => { clearTimeout(timer); resolve(m); } };
        const timer = setTimeout(() => {
          waiting.delete(w);
          reject(new Error(`${what}: no SMS within ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.add(w);
      });
      // Awaited only after the earlier steps; if one of those fails first, this one's timeout is nobody's error.
      expected.catch(() => undefined);
      return expected;
    },
  };
}

export const isCode = (m: SentMessage) => m.template === 'payam-otp' || /\d{6}/.test(m.text);
export const isRegistered = (m: SentMessage) => m.template === 'payam-registered';
export const codeIn = (m: SentMessage) => m.tokens?.[0] ?? /\d{6}/.exec(m.text)?.[0] ?? '';
