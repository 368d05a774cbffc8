/**
 * A repeat with the same key (a retried job) returns the first message's id instead of sending again,
 * as far as the provider allows: Kavenegar dedupes free text itself; templates are remembered per process.
 */
type SmsContext = { idempotencyKey: string };

export interface SmsGateway {
  /** Free text, e.g. a rejection reason with spaces (verify tokens cannot carry spaces). */
  send(to: string, text: string, ctx: SmsContext): Promise<{ messageId: string }>;
  /** A template registered with the provider; `tokens` fill `%token`, `%token2`, `%token3` in order. */
  sendTemplate(to: string, template: string, tokens: string[], ctx: SmsContext): Promise<{ messageId: string }>;
}
