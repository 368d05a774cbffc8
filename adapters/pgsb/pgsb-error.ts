export const PgsbErrorCode = {
  TIMEOUT: 'PGSB_TIMEOUT',
  UNAVAILABLE: 'PGSB_UNAVAILABLE',
  UNAUTHORIZED: 'PGSB_UNAUTHORIZED',
  BAD_RESPONSE: 'PGSB_BAD_RESPONSE',
} as const;
export type PgsbErrorCode = (typeof PgsbErrorCode)[keyof typeof PgsbErrorCode];

// Only faults that a later attempt can cure are retried; the rest need a person (credentials, a contract change).
const RETRYABLE: Record<PgsbErrorCode, boolean> = {
  PGSB_TIMEOUT: true,
  PGSB_UNAVAILABLE: true,
  PGSB_UNAUTHORIZED: false,
  PGSB_BAD_RESPONSE: false,
};

/** A call over PGSB failed. Messages name the service and status only, never the request's personal data. */
export class PgsbError extends Error {
  override name = PgsbError.name;
  readonly retryable: boolean;

  constructor(
    readonly code: PgsbErrorCode,
    message: string,
    readonly details: { service?: string; status?: number; faultType?: string } = {},
  ) {
    super(message);
    this.retryable = RETRYABLE[code];
  }
}
