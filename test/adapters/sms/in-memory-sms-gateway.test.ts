import { describe, expect, it } from 'vitest';
import { createInMemorySmsGateway } from '../../../adapters/sms/in-memory-sms-gateway.js';
import { SmsError, SmsErrorCode } from '../../../adapters/sms/sms-error.js';

describe('in-memory SMS gateway', () => {
  it('records each message once per idempotency key', async () => {
    const gateway = createInMemorySmsGateway();
    const first = await gateway.sendTemplate('09121111111', 'payam-otp', ['123456'], { idempotencyKey: 'a' });
    expect(await gateway.sendTemplate('09121111111', 'payam-otp', ['123456'], { idempotencyKey: 'a' })).toEqual(first);
    await gateway.send('09121111111', 'free text', { idempotencyKey: 'b' });
    expect(gateway.sent).toEqual([
      expect.objectContaining({ messageId: first.messageId, template: 'payam-otp', tokens: ['123456'] }),
      expect.objectContaining({ text: 'free text' }),
    ]);
  });

  it('refuses tokens with spaces, like Kavenegar, and fails as often as told', async () => {
    const gateway = createInMemorySmsGateway();
    await expect(
      gateway.sendTemplate('09121111111', 'payam-rejected', ['a b'], { idempotencyKey: 'a' }),
    ).rejects.toMatchObject({ code: 'SMS_REJECTED' });
    gateway.failNext(new SmsError(SmsErrorCode.TIMEOUT, 'test'));
    await expect(gateway.send('09121111111', 'x', { idempotencyKey: 'b' })).rejects.toMatchObject({
      code: 'SMS_TIMEOUT',
      retryable: true,
    });
    await expect(gateway.send('09121111111', 'x', { idempotencyKey: 'b' })).resolves.toEqual({
      messageId: expect.any(String),
    });
  });
});
