/** The SMTP server could not be reached or answered "try later" (4xx, dropped connection). */
export const MAIL_UNAVAILABLE = 'MAIL_UNAVAILABLE';
/** The server refused this message for good (5xx): sending it again gets the same answer. */
export const MAIL_REJECTED = 'MAIL_REJECTED';

export type MailErrorCode = typeof MAIL_UNAVAILABLE | typeof MAIL_REJECTED;

/**
 * Deliberately carries no `cause` and no server text: SMTP replies quote the recipient address,
 * and this error ends up in logs and job failure messages.
 */
export class MailError extends Error {
  readonly retryable: boolean;

  constructor(
    readonly code: MailErrorCode,
    message: string,
    readonly details: { smtpCode?: number; transportCode?: string } = {},
  ) {
    super(message);
    this.name = this.constructor.name;
    this.retryable = code === MAIL_UNAVAILABLE;
  }
}
