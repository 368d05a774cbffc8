import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildPgsbSimulator } from '../../../simulators/pgsb/server.js';
import { listen } from '../shared/listen.js';
import { busHeaders, CIVIL_REGISTRY_PATH, living, SHAHKAR_PATH } from './fixtures.js';

describe('PGSB simulator: admin API', () => {
  let app: FastifyInstance;
  beforeEach(() => {
    app = buildPgsbSimulator();
  });
  afterEach(() => app.close());

  // One body that both services accept: each reads only its own fields.
  const payload = { nationalCode: living.nationalCode, birthDate: living.birthDate, mobile: '09121111111' };
  const call = (url: string, id = 'msg-1') => app.inject({ method: 'POST', url, headers: busHeaders(id), payload });
  const post = (url: string, payload: object) => app.inject({ method: 'POST', url, payload });

  it('upserts citizens by national code and validates them', async () => {
    expect((await post('/__sim/citizens', living)).statusCode).toBe(201);
    expect((await post('/__sim/citizens', { ...living, alive: false })).statusCode).toBe(201);
    expect((await call(CIVIL_REGISTRY_PATH)).json()).toMatchObject({ match: true, alive: false });
    expect((await post('/__sim/citizens', { ...living, birthDate: '15-01-1370' })).statusCode).toBe(400);
  });

  it('counts calls per service with the X-Road headers received, and resets everything', async () => {
    await call(CIVIL_REGISTRY_PATH, 'a');
    await call(CIVIL_REGISTRY_PATH, 'a');
    await call(SHAHKAR_PATH, 'b');
    const calls = (await app.inject('/__sim/calls?service=civil-registry')).json();
    expect(calls.count).toBe(2);
    expect(calls.calls[0]).toMatchObject({
      service: 'civil-registry',
      xRoadId: 'a',
      xRoadClient: 'IR/GOV/ORG/PAYAM',
      xRoadUserId: 'payam-registration',
    });
    expect((await app.inject('/__sim/calls')).json().count).toBe(3);
    await post('/__sim/citizens', living);
    await app.inject({ method: 'DELETE', url: '/__sim/state' });
    expect((await app.inject('/__sim/calls')).json().count).toBe(0);
    expect((await call(CIVIL_REGISTRY_PATH)).json()).toEqual({ match: false });
  });

  it('an error fault with a count fails that many calls to that service only, then expires', async () => {
    await post('/__sim/faults', { service: 'civil-registry', mode: 'error', count: 2 });
    expect((await call(SHAHKAR_PATH)).statusCode).toBe(200);
    const first = await call(CIVIL_REGISTRY_PATH);
    expect(first.statusCode).toBe(503);
    expect(first.json()).toMatchObject({ type: 'Server.ServerProxy.ServiceFailed' });
    expect((await call(CIVIL_REGISTRY_PATH)).statusCode).toBe(503);
    expect((await call(CIVIL_REGISTRY_PATH)).statusCode).toBe(200);
  });

  it('a fault without a count lasts until cleared', async () => {
    await post('/__sim/faults', { service: 'shahkar', mode: 'error' });
    for (let i = 0; i < 3; i++) expect((await call(SHAHKAR_PATH)).statusCode).toBe(503);
    await app.inject({ method: 'DELETE', url: '/__sim/faults' });
    expect((await call(SHAHKAR_PATH)).statusCode).toBe(200);
  });

  it('a timeout fault hangs the call but does not keep the server from closing', async () => {
    const base = await listen(app);
    await post('/__sim/faults', { service: 'shahkar', mode: 'timeout', count: 1 });
    const pending = fetch(base + SHAHKAR_PATH, {
      method: 'POST',
      headers: { ...busHeaders(), 'content-type': 'application/json' },
      body: '{}',
    });
    // The call has arrived (and hangs) once the simulator counts it; a fixed pause raced a busy machine.
    const calls = async () => (await app.inject('/__sim/calls?service=shahkar')).json().count as number;
    while ((await calls()) < 1) await new Promise((r) => setTimeout(r, 20));
    const started = Date.now();
    await app.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    await expect(pending).rejects.toThrow();
  });
});
