import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildSmsSimulator } from '../../../simulators/sms/server.js';

describe('SMS simulator: Kavenegar API', () => {
  let app: FastifyInstance;
  beforeEach(() => {
    app = buildSmsSimulator({ apiKey: 'test-key' });
  });
  afterEach(() => app.close());

  const form = (url: string, fields: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });
  const inbox = async (to: string) => (await app.inject(`/__sim/messages?to=${to}`)).json();

  it('send.json from a form answers Kavenegar-style and delivers the text', async () => {
    const res = await form('/v1/test-key/sms/send.json', {
      receptor: '09121111111',
      message: 'سلام دنیا',
      sender: '10008663',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.return).toEqual({ status: 200, message: 'تایید شد' });
    expect(body.entries[0]).toMatchObject({ receptor: '09121111111', sender: '10008663', status: 1 });
    const [message] = await inbox('09121111111');
    expect(message).toMatchObject({ id: String(body.entries[0].messageid), to: '09121111111', text: 'سلام دنیا' });
  });

  it('send.json takes query parameters too, and lists messages newest last per receptor', async () => {
    await app.inject({ method: 'POST', url: '/v1/test-key/sms/send.json?receptor=09121111111&message=one' });
    await form('/v1/test-key/sms/send.json', { receptor: '09352222222', message: 'other' });
    await form('/v1/test-key/sms/send.json', { receptor: '09121111111', message: 'two' });
    expect((await inbox('09121111111')).map((m: { text: string }) => m.text)).toEqual(['one', 'two']);
  });

  it('send.json with a repeated localid returns the first message instead of sending again', async () => {
    const first = await form('/v1/test-key/sms/send.json', { receptor: '09121111111', message: 'x', localid: '77' });
    const again = await form('/v1/test-key/sms/send.json', { receptor: '09121111111', message: 'x', localid: '77' });
    expect(again.json().entries[0].messageid).toBe(first.json().entries[0].messageid);
    expect(await inbox('09121111111')).toHaveLength(1);
  });

  it('verify/lookup renders the template with its token', async () => {
    const res = await form('/v1/test-key/verify/lookup.json', {
      receptor: '09121111111',
      template: 'payam-otp',
      token: '482913',
    });
    expect(res.json().return.status).toBe(200);
    const [message] = await inbox('09121111111');
    expect(message).toMatchObject({
      template: 'payam-otp',
      tokens: ['482913'],
      text: 'کد تایید پیام ایران: 482913\nاین کد تا ۵ دقیقه معتبر است.',
    });
  });

  it.each([
    ['a wrong API key', '/v1/wrong/sms/send.json', { receptor: '09121111111', message: 'x' }, 403],
    ['an invalid receptor', '/v1/test-key/sms/send.json', { receptor: '12345', message: 'x' }, 411],
    ['missing parameters', '/v1/test-key/sms/send.json', { receptor: '09121111111' }, 400],
    [
      'an unknown template',
      '/v1/test-key/verify/lookup.json',
      { receptor: '09121111111', template: 'nope', token: '1' },
      424,
    ],
    [
      'a token with a space',
      '/v1/test-key/verify/lookup.json',
      { receptor: '09121111111', template: 'payam-otp', token: '1 2' },
      431,
    ],
  ])('refuses %s with a Kavenegar status', async (_case, url, fields, status) => {
    const res = await form(url, fields);
    expect(res.statusCode).toBe(status);
    expect(res.json().return.status).toBe(status);
    expect((await app.inject('/__sim/messages')).json()).toEqual([]);
  });
});
