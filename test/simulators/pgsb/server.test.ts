import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildPgsbSimulator } from '../../../simulators/pgsb/server.js';
import { busHeaders, CIVIL_REGISTRY_PATH, living, SHAHKAR_PATH } from './fixtures.js';

describe('PGSB simulator: the bus', () => {
  let app: FastifyInstance;
  beforeEach(async () => {
    app = buildPgsbSimulator({ basic: { username: 'payam', password: 'secret' } });
    await app.inject({ method: 'POST', url: '/__sim/citizens', payload: living });
  });
  afterEach(() => app.close());

  const inquire = (
    headers: Record<string, string>,
    payload: object = { nationalCode: living.nationalCode, birthDate: living.birthDate },
  ) => app.inject({ method: 'POST', url: CIVIL_REGISTRY_PATH, headers, payload });

  it('answers a health check', async () => {
    expect((await app.inject('/health')).json()).toEqual({ status: 'ok' });
  });

  it('given all X-Road headers, answers and echoes the message id with a request id of its own', async () => {
    const res = await inquire(busHeaders('msg-42'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ match: true, alive: true, firstName: 'سارا', lastName: 'احمدی', fatherName: 'علی' });
    expect(res.headers['x-road-id']).toBe('msg-42');
    expect(res.headers['x-road-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each(['x-road-client', 'x-road-id', 'x-road-userid'])('without %s, answers 400 with a bus fault', async (name) => {
    const headers: Record<string, string> = busHeaders();
    delete headers[name];
    const res = await inquire(headers);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ type: 'Client.BadRequest.MissingHeader' });
  });

  it('refuses a malformed X-Road-Client', async () => {
    expect((await inquire({ ...busHeaders(), 'x-road-client': 'PAYAM' })).statusCode).toBe(400);
  });

  it.each([
    [{}],
    [{ authorization: 'Bearer wrong' }],
    [{ authorization: 'Basic ' + Buffer.from('payam:wrong').toString('base64') }],
  ])('without good credentials (%o), answers 401 with a bus fault', async (auth) => {
    const { authorization: _, ...rest } = busHeaders();
    const res = await inquire({ ...rest, ...auth });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ type: 'Server.ClientProxy.AuthenticationFailed' });
  });

  it('accepts the configured basic credential', async () => {
    const basic = 'Basic ' + Buffer.from('payam:secret').toString('base64');
    expect((await inquire({ ...busHeaders(), authorization: basic })).statusCode).toBe(200);
  });

  it('answers 404 for a service it does not host, and 400 for a body the service cannot read', async () => {
    const unknown = await app.inject({
      method: 'POST',
      url: '/r1/IR/GOV/X/Y/z/v1',
      headers: busHeaders(),
      payload: {},
    });
    expect(unknown.statusCode).toBe(404);
    expect((await inquire(busHeaders(), { nationalCode: '12' })).statusCode).toBe(400);
  });

  it('Shahkar matches any of the lines a national code owns, and nothing else', async () => {
    for (const mobile of ['09121111111', '09352222222']) {
      await app.inject({
        method: 'POST',
        url: '/__sim/mobiles',
        payload: { nationalCode: living.nationalCode, mobile },
      });
    }
    const match = (mobile: string) =>
      app.inject({
        method: 'POST',
        url: SHAHKAR_PATH,
        headers: busHeaders(),
        payload: { nationalCode: living.nationalCode, mobile },
      });
    expect((await match('09352222222')).json()).toEqual({ match: true });
    expect((await match('09121111111')).json()).toEqual({ match: true });
    expect((await match('09190000000')).json()).toEqual({ match: false });
  });
});
