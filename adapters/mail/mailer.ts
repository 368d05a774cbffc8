export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface SendOptions {
  /**
   * Same key, same Message-ID: a job retried after a lost acknowledgement sends a message that
   * the receiving side (and our own logs) can recognise as a repeat of the first.
   */
  idempotencyKey: string;
}

/** Fails only with MailError, whose `retryable` tells a queue whether to try again. */
export interface Mailer {
  send(msg: MailMessage, opts: SendOptions): Promise<{ messageId: string }>;
}
