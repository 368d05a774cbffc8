import { createHash } from 'node:crypto';
import { readKavenegarReply } from './kavenegar-reply.js';
import { SmsError, SmsErrorCode } from './sms-error.js';
import type { SmsGateway } from './sms-gateway.js';

export type KavenegarConfig = { baseUrl: string; apiKey: string; sender: string; timeoutMs: number };

/**
 * Kavenegar's `localid` makes send.json return the first message on a repeat. We derive a number
 * from the idempotency key because Kavenegar's examples use numeric ids.
 */
const localId = (key: string) => String(parseInt(createHash('sha256').update(key).digest('hex').slice(0, 12), 16));

// verify/lookup has no `localid`, so template sends are remembered here; a repeat after a crash may still deliver twice.
const MEMORY = 1_000;

export function createKavenegarSmsGateway(config: KavenegarConfig): SmsGateway {
  const base = config.baseUrl.replace(/\/+$/, '');
  const recentTemplates = new Map<string, { messageId: string }>();

  // The URL contains the API key: it is built here and never logged, and no error carries it or fetch's cause.
  async function post(path: string, params: Record<string, string>): Promise<{ messageId: string }> {
    let status: number;
    let text: string;
    try {
      const response = await fetch(`${base}/v1/${encodeURIComponent(config.apiKey)}/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams(params),
        signal: AbortSignal.timeout(config.timeoutMs),
      });
      // Reading the body is inside the same timeout: a reply cut short is a timeout, not a bad response.
      status = response.status;
      text = await response.text();
    } catch (err) {
      if (err instanceof Error && err.name === 'TimeoutError') {
        throw new SmsError(SmsErrorCode.TIMEOUT, `kavenegar: no answer within ${config.timeoutMs} ms`);
      }
      const cause = ((err as { cause?: { code?: unknown } }).cause?.code as string | undefined) ?? 'network error';
      throw new SmsError(SmsErrorCode.UNAVAILABLE, `kavenegar: ${cause}`);
    }
    return readKavenegarReply(status, text);
  }

  return {
    send: (to, text, { idempotencyKey }) =>
      post('sms/send.json', { receptor: to, message: text, sender: config.sender, localid: localId(idempotencyKey) }),
    async sendTemplate(to, template, tokens, { idempotencyKey }) {
      const earlier = recentTemplates.get(idempotencyKey);
      if (earlier) return earlier;
      const [token, token2, token3] = tokens;
      if (!token || tokens.length > 3)
        throw new SmsError(SmsErrorCode.REJECTED, 'kavenegar: a template takes one to three tokens');
      const extra = { ...(token2 ? { token2 } : {}), ...(token3 ? { token3 } : {}) };
      const result = await post('verify/lookup.json', { receptor: to, template, token, ...extra });
      if (recentTemplates.size >= MEMORY) recentTemplates.delete(recentTemplates.keys().next().value as string);
      recentTemplates.set(idempotencyKey, result);
      return result;
    },
  };
}
