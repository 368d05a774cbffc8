import { SmsError, SmsErrorCode } from './sms-error.js';
import type { SmsGateway } from './sms-gateway.js';

type RecordedSms = {
  messageId: string;
  to: string;
  text?: string;
  template?: string;
  tokens?: string[];
  idempotencyKey: string;
};

export type InMemorySmsGateway = SmsGateway & {
  readonly sent: RecordedSms[];
  /** The next `times` sends throw `error`, as the provider would. */
  failNext(error: SmsError, times?: number): void;
};

/** For unit tests of callers: keeps the gateway's promises (idempotency, token rules) without a network. */
export function createInMemorySmsGateway(): InMemorySmsGateway {
  const sent: RecordedSms[] = [];
  const failures: SmsError[] = [];
  let nextId = 1;

  const record = (message: Omit<RecordedSms, 'messageId'>) => {
    const failure = failures.shift();
    if (failure) throw failure;
    const earlier = sent.find((m) => m.idempotencyKey === message.idempotencyKey);
    if (earlier) return { messageId: earlier.messageId };
    const messageId = `mem-${nextId++}`;
    sent.push({ messageId, ...message });
    return { messageId };
  };

  return {
    sent,
    failNext: (error, times = 1) => failures.push(...Array<SmsError>(times).fill(error)),
    send: async (to, text, { idempotencyKey }) => record({ to, text, idempotencyKey }),
    async sendTemplate(to, template, tokens, { idempotencyKey }) {
      // Same rule as Kavenegar: tokens are single words, so tests catch a free-text token early.
      if (tokens.length < 1 || tokens.length > 3 || tokens.some((t) => t === '' || /\s/.test(t))) {
        throw new SmsError(SmsErrorCode.REJECTED, 'template tokens must be one to three words without spaces');
      }
      return record({ to, template, tokens, idempotencyKey });
    },
  };
}
