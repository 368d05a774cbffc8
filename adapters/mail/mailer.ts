export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface SendOptions {
  /**
   * The notice's own Message-ID, fixed before its first attempt: a send retried after a lost
   * acknowledgement is a message the receiving side (mail clients, our logs) knows for a repeat.
   */
  messageId: string;
}

/** Fails only with MailError, whose `retryable` tells a queue whether to try again. */
export interface Mailer {
  send(msg: MailMessage, opts: SendOptions): Promise<{ messageId: string }>;
}
