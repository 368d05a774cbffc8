import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { serviceEngine } from '../../adapters/engine/connect.js';
import { buildApp } from '../../api/app.js';
import { loadConfig } from '../../config/config.js';
import { createLogger } from '../../config/logger.js';
import { createDb } from '../../db/knex.js';
import { messageText } from '../../domain/messages.js';
import { newClientAddress } from '../support/api-app.js';
import { startCuttableProxy, type CuttableProxy } from '../../ops/chaos/cuttable-proxy.js';

// The real PostgreSQL and Redis, reached through relays the test cuts: the API sees them go down and come back.
const config = loadConfig();
const direct = createDb(config.DATABASE_URL);
const engine = serviceEngine(config);
let pg: CuttableProxy;
let redis: CuttableProxy;
let app: ReturnType<typeof buildApp>;
const started: string[] = [];
const ip = newClientAddress();

beforeAll(async () => {
  pg = await startCuttableProxy({ host: '127.0.0.1', port: Number(new URL(config.DATABASE_URL).port || 5432) });
  redis = await startCuttableProxy({ host: '127.0.0.1', port: Number(new URL(config.REDIS_URL).port || 6379) });
  app = buildApp({
    config: { ...config, DATABASE_URL: pg.urlFor(config.DATABASE_URL), REDIS_URL: redis.urlFor(config.REDIS_URL) },
    engine,
    logger: createLogger({ level: 'silent' }),
    rateLimitNameSpace: `test:${randomUUID()}:`,
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  const rows = await direct('registrations')
    .whereIn('id', started)
    .whereNotNull('process_instance_id')
    .select('process_instance_id');
  await Promise.all(rows.map((r) => engine.cancel(r.process_instance_id).catch(() => undefined)));
  await Promise.all([pg?.close(), redis?.close(), direct.destroy()]);
});

const start = () => app.inject({ method: 'POST', url: '/api/registrations', remoteAddress: ip, payload: {} });
const captcha = () => app.inject({ method: 'GET', url: '/api/captcha', remoteAddress: ip });
/** Asks again until the answer is not a 503 (the pools reconnect on their own), as the form's retry does. */
async function once<T extends { statusCode: number }>(send: () => Promise<T>): Promise<T> {
  for (let i = 0; i < 50; i++) {
    const res = await send();
    if (res.statusCode !== 503) return res;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('still 503');
}
const expectUnavailable = (res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }) => {
  expect(res.statusCode).toBe(503);
  expect(res.json()).toEqual({
    error: { id: 'service_unavailable', text: messageText('service_unavailable'), retryAfterSeconds: 5 },
  });
  expect(res.headers['retry-after']).toBe('5');
};

describe('while PostgreSQL is unreachable', () => {
  it('answers 503 with a Persian message and keeps nothing, then works again once it is back', async () => {
    const before = await direct('registrations').count<{ count: string }[]>('* as count');
    pg.cut();
    expectUnavailable(await start());
    expectUnavailable(await captcha());
    pg.restore();

    const res = await once(start);
    expect(res.statusCode).toBe(201);
    const { registration } = res.json() as { registration: { id: string } };
    started.push(registration.id);
    const after = await direct('registrations').count<{ count: string }[]>('* as count');
    // Exactly the one registration that was answered 201; the refused ones left no row behind.
    expect(Number(after[0]!.count) - Number(before[0]!.count)).toBe(1);
    expect(await direct('registrations').where({ id: registration.id }).first('process_instance_id')).toMatchObject({
      process_instance_id: expect.any(String),
    });
  });
});

describe('while Redis is unreachable', () => {
  it('refuses the rate-limited routes with 503 rather than letting requests through uncounted, then counts again', async () => {
    redis.cut();
    expectUnavailable(await captcha());
    expectUnavailable(await start());
    redis.restore();

    expect((await once(captcha)).statusCode).toBe(200);
    const res = await once(start);
    expect(res.statusCode).toBe(201);
    started.push((res.json() as { registration: { id: string } }).registration.id);
  });
});

describe('while the engine is unreachable', () => {
  it('answers a start with 503 and leaves no registration row', async () => {
    const down = buildApp({
      config: { ...config, ENGINE_URL: 'http://127.0.0.1:9/engine-rest' },
      logger: createLogger({ level: 'silent' }),
      rateLimitNameSpace: `test:${randomUUID()}:`,
    });
    try {
      const before = await direct('registrations').count<{ count: string }[]>('* as count');
      expectUnavailable(
        await down.inject({
          method: 'POST',
          url: '/api/registrations',
          remoteAddress: newClientAddress(),
          payload: {},
        }),
      );
      const after = await direct('registrations').count<{ count: string }[]>('* as count');
      expect(after[0]!.count).toBe(before[0]!.count);
    } finally {
      await down.close();
    }
  });
});
