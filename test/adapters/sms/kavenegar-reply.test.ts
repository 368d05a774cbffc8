import { describe, expect, it } from 'vitest';
import { readKavenegarReply } from '../../../adapters/sms/kavenegar-reply.js';

const ok = { return: { status: 200, message: 'تایید شد' }, entries: [{ messageid: 8792343 }] };

describe('reading a Kavenegar reply', () => {
  it("takes the first entry's message id as a string", () => {
    expect(readKavenegarReply(200, JSON.stringify(ok))).toEqual({ messageId: '8792343' });
  });

  it.each([
    ['a body that is not JSON', 200, '<html>', 'SMS_BAD_RESPONSE'],
    ['an unexpected shape', 200, '{"ok":true}', 'SMS_BAD_RESPONSE'],
    ['no entries', 200, JSON.stringify({ ...ok, entries: [] }), 'SMS_BAD_RESPONSE'],
    [
      'an empty balance',
      418,
      JSON.stringify({ return: { status: 418, message: '' }, entries: null }),
      'SMS_UNAVAILABLE',
    ],
    [
      'an unknown template',
      424,
      JSON.stringify({ return: { status: 424, message: '' }, entries: null }),
      'SMS_REJECTED',
    ],
    ['a server error', 502, '', 'SMS_UNAVAILABLE'],
  ])('%s is %s', (_case, status, text, code) => {
    expect(() => readKavenegarReply(status, text)).toThrow(expect.objectContaining({ code }));
  });
});
