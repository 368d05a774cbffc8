import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createPgsbClient } from '../../../adapters/pgsb/pgsb-client.js';
import { createPgsbShahkar } from '../../../adapters/pgsb/shahkar.js';
import { buildPgsbSimulator } from '../../../simulators/pgsb/server.js';
import { listen } from '../../simulators/shared/listen.js';

describe('Shahkar over PGSB', () => {
  let sim: FastifyInstance;
  let shahkar: ReturnType<typeof createPgsbShahkar>;
  beforeAll(async () => {
    sim = buildPgsbSimulator();
    const baseUrl = await listen(sim);
    shahkar = createPgsbShahkar(
      createPgsbClient({ baseUrl, clientId: 'IR/GOV/ORG/PAYAM', userId: 'u', token: 'sim-token', timeoutMs: 2_000 }),
    );
    for (const mobile of ['09121111111', '09352222222']) {
      await sim.inject({ method: 'POST', url: '/__sim/mobiles', payload: { nationalCode: '0012345678', mobile } });
    }
  });
  afterAll(() => sim.close());

  it('matches each line the national code owns', async () => {
    expect(await shahkar.match({ nationalCode: '0012345678', mobile: '09121111111' }, { messageId: 'a' })).toEqual({
      match: true,
    });
    expect(await shahkar.match({ nationalCode: '0012345678', mobile: '09352222222' }, { messageId: 'b' })).toEqual({
      match: true,
    });
  });

  it('does not match a line owned by nobody or by someone else', async () => {
    expect(await shahkar.match({ nationalCode: '0012345678', mobile: '09190000000' }, { messageId: 'c' })).toEqual({
      match: false,
    });
    expect(await shahkar.match({ nationalCode: '0087654321', mobile: '09121111111' }, { messageId: 'd' })).toEqual({
      match: false,
    });
  });

  it('an error fault reaches the caller as a retryable PgsbError', async () => {
    await sim.inject({
      method: 'POST',
      url: '/__sim/faults',
      payload: { service: 'shahkar', mode: 'error', count: 1 },
    });
    await expect(
      shahkar.match({ nationalCode: '0012345678', mobile: '09121111111' }, { messageId: 'e' }),
    ).rejects.toMatchObject({
      code: 'PGSB_UNAVAILABLE',
      retryable: true,
    });
  });
});
