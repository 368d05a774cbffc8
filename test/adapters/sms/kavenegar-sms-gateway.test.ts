import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { createKavenegarSmsGateway, type KavenegarConfig } from '../../../adapters/sms/kavenegar-sms-gateway.js';
import { SmsError } from '../../../adapters/sms/sms-error.js';
import { buildSmsSimulator } from '../../../simulators/sms/server.js';
import { deadUrl, listen } from '../../simulators/shared/listen.js';

const API_KEY = 'K3y-that-must-never-leak';
const TO = '09121111111';

describe('Kavenegar gateway against the SMS simulator', () => {
  let sim: FastifyInstance;
  let config: KavenegarConfig;
  beforeEach(async () => {
    sim = buildSmsSimulator({ apiKey: API_KEY });
    config = { baseUrl: await listen(sim), apiKey: API_KEY, sender: '10008663', timeoutMs: 2_000 };
  });
  afterEach(() => sim.close());

  const inbox = async () => (await sim.inject(`/__sim/messages?to=${TO}`)).json();
  const fault = (payload: object) => sim.inject({ method: 'POST', url: '/__sim/faults', payload });
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => expect.fail('expected an SmsError'),
      (err: unknown) => err as SmsError,
    );
  const leaksNothing = (err: SmsError) =>
    expect(`${err.message} ${err.stack} ${JSON.stringify(err)} ${String(err.cause)}`).not.toContain(API_KEY);

  it('sends free text once per idempotency key', async () => {
    const gateway = createKavenegarSmsGateway(config);
    const text = 'درخواست ثبت نام دستگاه در پیام ایران رد شد. علت: نامه معرفی خوانا نیست';
    const first = await gateway.send(TO, text, { idempotencyKey: 'reject-1' });
    expect(await gateway.send(TO, text, { idempotencyKey: 'reject-1' })).toEqual(first);
    expect(await inbox()).toEqual([expect.objectContaining({ id: first.messageId, text })]);
  });

  it('sends a template whose rendered text reaches the handset, once per key', async () => {
    const gateway = createKavenegarSmsGateway(config);
    const sent = await gateway.sendTemplate(TO, 'payam-registered', ['payam.agency12'], { idempotencyKey: 'done-1' });
    await gateway.sendTemplate(TO, 'payam-registered', ['payam.agency12'], { idempotencyKey: 'done-1' });
    expect(await inbox()).toEqual([
      expect.objectContaining({
        id: sent.messageId,
        template: 'payam-registered',
        text: 'ثبت نام دستگاه در پیام ایران انجام شد. نام کاربری: payam.agency12',
      }),
    ]);
  });

  it.each([
    ['a wrong API key', { apiKey: 'wrong-key' }, TO, 403],
    ['an invalid receptor', {}, '0912', 411],
  ])('refuses %s as SMS_REJECTED, not retryable, without the key in the error', async (_case, override, to, status) => {
    const err = await failure(
      createKavenegarSmsGateway({ ...config, ...override }).send(to, 'x', { idempotencyKey: 'k' }),
    );
    expect(err).toMatchObject({ code: 'SMS_REJECTED', retryable: false, status, name: 'SmsError' });
    leaksNothing(err);
  });

  it('refuses a token with a space as SMS_REJECTED', async () => {
    const err = await failure(
      createKavenegarSmsGateway(config).sendTemplate(TO, 'payam-rejected', ['two words'], { idempotencyKey: 'k' }),
    );
    expect(err).toMatchObject({ code: 'SMS_REJECTED', status: 431 });
  });

  it('an error fault is SMS_UNAVAILABLE and retryable; a counted fault expires', async () => {
    await fault({ mode: 'error', count: 1 });
    const gateway = createKavenegarSmsGateway(config);
    const err = await failure(gateway.sendTemplate(TO, 'payam-otp', ['123456'], { idempotencyKey: 'otp-1' }));
    expect(err).toMatchObject({ code: 'SMS_UNAVAILABLE', retryable: true, status: 503 });
    leaksNothing(err);
    await gateway.sendTemplate(TO, 'payam-otp', ['123456'], { idempotencyKey: 'otp-1' });
    expect(await inbox()).toHaveLength(1);
  });

  it('a timeout fault with a short client timeout is SMS_TIMEOUT and retryable', async () => {
    await fault({ mode: 'timeout' });
    const err = await failure(
      createKavenegarSmsGateway({ ...config, timeoutMs: 300 }).send(TO, 'x', { idempotencyKey: 'k' }),
    );
    expect(err).toMatchObject({ code: 'SMS_TIMEOUT', retryable: true });
    leaksNothing(err);
  });

  it('an unreachable provider is SMS_UNAVAILABLE, without the key in the error', async () => {
    const err = await failure(
      createKavenegarSmsGateway({ ...config, baseUrl: await deadUrl(Fastify()) }).send(TO, 'x', {
        idempotencyKey: 'k',
      }),
    );
    expect(err).toMatchObject({ code: 'SMS_UNAVAILABLE', retryable: true });
    leaksNothing(err);
  });
});
