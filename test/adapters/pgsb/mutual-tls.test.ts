import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { createPgsbClient } from '../../../adapters/pgsb/pgsb-client.js';
import { SHAHKAR_SERVICE } from '../../../adapters/pgsb/shahkar.js';

const file = (name: string) => fileURLToPath(new URL(`./fixtures/mutual-tls/${name}`, import.meta.url));

describe('PGSB client over mutual TLS', () => {
  let bus: FastifyInstance;
  let baseUrl: string;
  beforeAll(async () => {
    // A bus that only talks to clients holding a certificate from the test CA.
    const https = {
      key: readFileSync(file('server.key')),
      cert: readFileSync(file('server.crt')),
      ca: readFileSync(file('ca.crt')),
      requestCert: true,
      rejectUnauthorized: true,
    };
    bus = Fastify({ https, forceCloseConnections: true });
    bus.post('/r1/*', async () => ({ match: true }));
    await bus.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `https://127.0.0.1:${(bus.server.address() as AddressInfo).port}`;
  });
  afterAll(() => bus.close());

  const base = { clientId: 'IR/GOV/ORG/PAYAM', userId: 'u', timeoutMs: 2_000 };

  it('given the CA, certificate and key files, is served', async () => {
    const client = createPgsbClient({
      ...base,
      baseUrl,
      tls: { caFile: file('ca.crt'), certFile: file('client.crt'), keyFile: file('client.key') },
    });
    expect(await client.call(SHAHKAR_SERVICE, {}, { messageId: 'm' })).toEqual({ match: true });
  });

  it('without a client certificate, is refused at the handshake', async () => {
    const client = createPgsbClient({ ...base, baseUrl, tls: { caFile: file('ca.crt') } });
    await expect(client.call(SHAHKAR_SERVICE, {}, { messageId: 'm' })).rejects.toMatchObject({
      code: 'PGSB_UNAVAILABLE',
    });
  });
});
