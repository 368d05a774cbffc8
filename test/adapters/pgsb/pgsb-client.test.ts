import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { createPgsbClient, type PgsbClientConfig } from '../../../adapters/pgsb/pgsb-client.js';
import { PgsbError } from '../../../adapters/pgsb/pgsb-error.js';
import { SHAHKAR_SERVICE } from '../../../adapters/pgsb/shahkar.js';
import { buildPgsbSimulator } from '../../../simulators/pgsb/server.js';
import { deadUrl, listen } from '../../simulators/shared/listen.js';

const body = { nationalCode: '0012345678', mobile: '09121111111' };

describe('PGSB client against the simulator', () => {
  let sim: FastifyInstance;
  let config: PgsbClientConfig;
  beforeEach(async () => {
    sim = buildPgsbSimulator();
    config = {
      baseUrl: await listen(sim),
      clientId: 'IR/GOV/ORG/PAYAM',
      userId: 'payam-registration',
      token: 'sim-token',
      timeoutMs: 2_000,
    };
  });
  afterEach(() => sim.close());

  const fault = (payload: object) => sim.inject({ method: 'POST', url: '/__sim/faults', payload });
  const calls = async () => (await sim.inject('/__sim/calls?service=shahkar')).json();
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => expect.fail('expected a PgsbError'),
      (err: unknown) => err as PgsbError,
    );

  it('sends the X-Road headers, with the caller-supplied message id on every retry', async () => {
    const client = createPgsbClient(config);
    expect(await client.call(SHAHKAR_SERVICE, body, { messageId: 'job-7' })).toEqual({ match: false });
    await client.call(SHAHKAR_SERVICE, body, { messageId: 'job-7' });
    const { count, calls: seen } = await calls();
    expect(count).toBe(2);
    expect(seen.map((c: { xRoadId: string }) => c.xRoadId)).toEqual(['job-7', 'job-7']);
    expect(seen[0]).toMatchObject({ xRoadClient: 'IR/GOV/ORG/PAYAM', xRoadUserId: 'payam-registration' });
  });

  it.each([[undefined], ['wrong']])('with token %s, fails as PGSB_UNAUTHORIZED, not retryable', async (token) => {
    const err = await failure(createPgsbClient({ ...config, token }).call(SHAHKAR_SERVICE, body, { messageId: 'm' }));
    expect(err).toBeInstanceOf(PgsbError);
    expect(err).toMatchObject({ code: 'PGSB_UNAUTHORIZED', retryable: false, name: 'PgsbError' });
  });

  it('an error fault is PGSB_UNAVAILABLE and retryable; a counted fault expires', async () => {
    await fault({ service: 'shahkar', mode: 'error', count: 1 });
    const client = createPgsbClient(config);
    const err = await failure(client.call(SHAHKAR_SERVICE, body, { messageId: 'm' }));
    expect(err).toMatchObject({
      code: 'PGSB_UNAVAILABLE',
      retryable: true,
      details: { status: 503, faultType: 'Server.ServerProxy.ServiceFailed' },
    });
    expect(err.message).not.toContain(body.nationalCode);
    expect(await client.call(SHAHKAR_SERVICE, body, { messageId: 'm' })).toEqual({ match: false });
  });

  it('a timeout fault with a short client timeout is PGSB_TIMEOUT and retryable', async () => {
    await fault({ service: 'shahkar', mode: 'timeout' });
    const started = Date.now();
    const err = await failure(
      createPgsbClient({ ...config, timeoutMs: 300 }).call(SHAHKAR_SERVICE, body, { messageId: 'm' }),
    );
    expect(err).toMatchObject({ code: 'PGSB_TIMEOUT', retryable: true });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('an unreachable bus is PGSB_UNAVAILABLE', async () => {
    const err = await failure(
      createPgsbClient({ ...config, baseUrl: await deadUrl(Fastify()) }).call(SHAHKAR_SERVICE, body, {
        messageId: 'm',
      }),
    );
    expect(err).toMatchObject({ code: 'PGSB_UNAVAILABLE', retryable: true });
  });

  it('a service the bus does not know is PGSB_BAD_RESPONSE, not retryable', async () => {
    const unknown = { ...SHAHKAR_SERVICE, serviceCode: 'nope' };
    const err = await failure(createPgsbClient(config).call(unknown, body, { messageId: 'm' }));
    expect(err).toMatchObject({ code: 'PGSB_BAD_RESPONSE', retryable: false, details: { status: 404 } });
  });
});
