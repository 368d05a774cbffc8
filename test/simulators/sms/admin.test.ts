import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildSmsSimulator } from '../../../simulators/sms/server.js';
import { listen } from '../shared/listen.js';

describe('SMS simulator: admin API', () => {
  let app: FastifyInstance;
  beforeEach(() => {
    app = buildSmsSimulator();
  });
  afterEach(() => app.close());

  const send = () =>
    app.inject({ method: 'POST', url: '/v1/sim-api-key/sms/send.json?receptor=09121111111&message=hi' });

  it('an error fault with a count fails that many sends, then expires', async () => {
    expect(
      (await app.inject({ method: 'POST', url: '/__sim/faults', payload: { mode: 'error', count: 1 } })).statusCode,
    ).toBe(201);
    expect((await send()).statusCode).toBe(503);
    expect((await send()).statusCode).toBe(200);
    expect((await app.inject('/__sim/messages?to=09121111111')).json()).toHaveLength(1);
  });

  it('a fault without a count lasts until cleared; reset forgets messages', async () => {
    await app.inject({ method: 'POST', url: '/__sim/faults', payload: { mode: 'error' } });
    expect((await send()).statusCode).toBe(503);
    expect((await send()).statusCode).toBe(503);
    await app.inject({ method: 'DELETE', url: '/__sim/faults' });
    expect((await send()).statusCode).toBe(200);
    await app.inject({ method: 'DELETE', url: '/__sim/state' });
    expect((await app.inject('/__sim/messages')).json()).toEqual([]);
  });

  it('a timeout fault hangs the call but does not keep the server from closing', async () => {
    const base = await listen(app);
    await app.inject({ method: 'POST', url: '/__sim/faults', payload: { mode: 'timeout' } });
    // Closed once the call is in the server; a fixed pause raced a busy machine.
    const arrived = new Promise((r) => app.server.once('request', r));
    const pending = fetch(`${base}/v1/sim-api-key/sms/send.json?receptor=09121111111&message=hi`, { method: 'POST' });
    await arrived;
    await new Promise((r) => setImmediate(r));
    const started = Date.now();
    await app.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    await expect(pending).rejects.toThrow();
  });
});
