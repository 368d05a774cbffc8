import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { createPgsbCivilRegistry } from '../../../adapters/pgsb/civil-registry.js';
import { createPgsbClient } from '../../../adapters/pgsb/pgsb-client.js';
import { buildPgsbSimulator } from '../../../simulators/pgsb/server.js';
import { deceased, living } from '../../simulators/pgsb/fixtures.js';
import { listen } from '../../simulators/shared/listen.js';

const clientConfig = (baseUrl: string) => ({
  baseUrl,
  clientId: 'IR/GOV/ORG/PAYAM',
  userId: 'u',
  token: 'sim-token',
  timeoutMs: 2_000,
});
const ctx = { messageId: 'm-1' };

describe('civil registry over PGSB', () => {
  let sim: FastifyInstance;
  let registry: ReturnType<typeof createPgsbCivilRegistry>;
  beforeAll(async () => {
    sim = buildPgsbSimulator();
    registry = createPgsbCivilRegistry(createPgsbClient(clientConfig(await listen(sim))));
  });
  beforeEach(async () => {
    await sim.inject({ method: 'DELETE', url: '/__sim/state' });
    for (const person of [living, deceased])
      await sim.inject({ method: 'POST', url: '/__sim/citizens', payload: person });
  });
  afterAll(() => sim.close());

  it('given a matching code and birth date, returns the names and that the person is alive', async () => {
    expect(await registry.inquire({ nationalCode: living.nationalCode, birthDate: living.birthDate }, ctx)).toEqual({
      match: true,
      alive: true,
      firstName: living.firstName,
      lastName: living.lastName,
      fatherName: living.fatherName,
    });
  });

  it('given a deceased person, matches with alive false', async () => {
    expect(
      await registry.inquire({ nationalCode: deceased.nationalCode, birthDate: deceased.birthDate }, ctx),
    ).toMatchObject({ match: true, alive: false });
  });

  it('given a wrong birth date or an unknown code, answers no match', async () => {
    expect(await registry.inquire({ nationalCode: living.nationalCode, birthDate: '1370/01/16' }, ctx)).toEqual({
      match: false,
    });
    expect(await registry.inquire({ nationalCode: '0011111111', birthDate: living.birthDate }, ctx)).toEqual({
      match: false,
    });
  });
});

describe('civil registry: a reply off the contract', () => {
  let bus: FastifyInstance;
  let baseUrl: string;
  let reply: unknown;
  beforeAll(async () => {
    bus = Fastify();
    bus.post('/r1/*', async () => reply);
    baseUrl = await listen(bus);
  });
  afterAll(() => bus.close());

  it.each([[{ match: 'yes' }], [{ match: true, alive: true }], [[]]])(
    '%j is PGSB_BAD_RESPONSE, not retryable',
    async (body) => {
      reply = body;
      const registry = createPgsbCivilRegistry(createPgsbClient(clientConfig(baseUrl)));
      await expect(
        registry.inquire({ nationalCode: living.nationalCode, birthDate: living.birthDate }, ctx),
      ).rejects.toMatchObject({
        code: 'PGSB_BAD_RESPONSE',
        retryable: false,
      });
    },
  );
});
