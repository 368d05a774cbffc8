import type { MailError } from './mail-error.js';
import type { MailMessage, SendOptions } from './mailer.js';

export interface SentMail extends MailMessage {
  messageId: string;
}

/**
 * For unit tests of code that sends mail. Like SMTP it records a repeated send twice, with the
 * same Message-ID, so tests can assert on how their code handles retries.
 */
export function createInMemoryMailer() {
  const sent: SentMail[] = [];
  const failures: MailError[] = [];
  return {
    sent,
    /** The next sends fail with these errors, in order. */
    failNextWith(...errors: MailError[]): void {
      failures.push(...errors);
    },
    sentTo: (address: string): SentMail[] => sent.filter((m) => m.to.toLowerCase() === address.toLowerCase()),
    async send(msg: MailMessage, { messageId }: SendOptions): Promise<{ messageId: string }> {
      const failure = failures.shift();
      if (failure) throw failure;
      sent.push({ ...msg, messageId });
      return { messageId };
    },
  };
}
