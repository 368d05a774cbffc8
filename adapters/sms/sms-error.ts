export const SmsErrorCode = {
  TIMEOUT: 'SMS_TIMEOUT',
  UNAVAILABLE: 'SMS_UNAVAILABLE',
  REJECTED: 'SMS_REJECTED',
  BAD_RESPONSE: 'SMS_BAD_RESPONSE',
} as const;
export type SmsErrorCode = (typeof SmsErrorCode)[keyof typeof SmsErrorCode];

// A rejected message (bad number, bad key, unknown template) fails again on every retry: unrecoverable.
const RETRYABLE: Record<SmsErrorCode, boolean> = {
  SMS_TIMEOUT: true,
  SMS_UNAVAILABLE: true,
  SMS_REJECTED: false,
  SMS_BAD_RESPONSE: false,
};

/** Sending an SMS failed. Messages carry the provider's status only: never the URL (it holds the API key), number or text. */
export class SmsError extends Error {
  override name = SmsError.name;
  readonly retryable: boolean;

  constructor(
    readonly code: SmsErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.retryable = RETRYABLE[code];
  }
}
