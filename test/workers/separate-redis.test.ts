import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpMailer } from '../../adapters/mail/smtp-mailer.js';
import { createNotificationQueue, createRedis, NOTIFICATION_QUEUE } from '../../adapters/queue/notification-queue.js';
import { createKavenegarSmsGateway } from '../../adapters/sms/kavenegar-sms-gateway.js';
import { loadConfig, type Config } from '../../config/config.js';
import { createLogger } from '../../config/logger.js';
import { createDb } from '../../db/knex.js';
import { createNotificationsRepo } from '../../db/notifications-repo.js';
import { buildSmsSimulator } from '../../simulators/sms/server.js';
import { startNotificationDelivery } from '../../workers/queue/notification-delivery.js';
import { TEST_ENV } from '../../ops/test-env.js';
import { seedRegistration } from '../support/database.js';

/**
 * A second stack (a developer's `npm start`) beside the test run, on the same Redis server: its workers
 * consume the default notice queue of their own Redis database. The run's notices go to the run's
 * database only, so they are delivered by the run's own workers and the other stack never sees them.
 */
const config = loadConfig();
const db = createDb(config.DATABASE_URL);
const logger = createLogger({ level: 'silent' });
const sims = { own: buildSmsSimulator(), other: buildSmsSimulator() };
const urls = { own: '', other: '' };

type Delivery = ReturnType<typeof startNotificationDelivery>;
const started: { close(): Promise<void> }[] = [];
/** The databases this file took because they were empty: emptied again at the end, so the next run finds them free. */
const usedDatabases: string[] = [];

/** A Redis database of this server that holds nothing now (no job of another run to take), other than those named. */
async function emptyDatabase(redisUrl: string, besides: string[]) {
  const taken = new Set(besides.map((u) => Number(new URL(u).pathname.slice(1) || 0)));
  for (let n = 15; n >= 0; n--) {
    if (taken.has(n)) continue;
    const url = new URL(redisUrl);
    url.pathname = `/${n}`;
    const redis = createRedis(url.toString());
    try {
      if ((await redis.dbsize()) === 0) {
        usedDatabases.push(url.toString());
        return url.toString();
      }
    } finally {
      redis.disconnect();
    }
  }
  throw new Error('no empty Redis database for the second stack');
}

/** A real BullMQ consumer of the default notice queue, sending through its own SMS simulator. */
function workersOf(stackConfig: Config, smsUrl: string): Delivery {
  const sms = createKavenegarSmsGateway({ baseUrl: smsUrl, apiKey: 'sim-api-key', sender: '1000', timeoutMs: 1000 });
  const mailer = createSmtpMailer({ host: '127.0.0.1', port: 1, from: 'Payam Iran <no-reply@payam.iran.ir>' });
  const delivery = startNotificationDelivery({ db, config: stackConfig, logger, sms, mailer }, NOTIFICATION_QUEUE);
  started.push(delivery);
  return delivery;
}

const messagesAt = async (url: string) =>
  (await (await fetch(`${url}/__sim/messages`)).json()) as { to: string; text: string }[];

beforeAll(async () => {
  for (const k of ['own', 'other'] as const) {
    await sims[k].listen({ port: 0, host: '127.0.0.1' });
    urls[k] = `http://127.0.0.1:${(sims[k].server.address() as AddressInfo).port}`;
  }
});
afterAll(async () => {
  for (const s of started.reverse()) await s.close();
  for (const url of usedDatabases) {
    const redis = createRedis(url);
    await redis.flushdb();
    redis.disconnect();
  }
  await Promise.all([sims.own.close(), sims.other.close(), db.destroy()]);
});

describe('a test run beside another stack on the same Redis server', () => {
  it("gives the test run a Redis database of its own, not npm start's", () => {
    expect(new URL(TEST_ENV.REDIS_URL!).pathname).toBe('/1');
    expect(new URL(config.REDIS_URL).pathname).not.toMatch(/^\/?0?$/);
  });

  it("delivers the run's notices by the run's own workers; the other stack's workers on the same queue name take none", async () => {
    // given: a run on a Redis database of its own (not the suite's, whose other files run their own workers
    // in parallel), and the other stack's workers already waiting on the default queue of theirs
    const runUrl = await emptyDatabase(config.REDIS_URL, [config.REDIS_URL, 'redis://127.0.0.1/0']);
    const otherUrl = await emptyDatabase(config.REDIS_URL, [config.REDIS_URL, runUrl]);
    const run = { ...config, REDIS_URL: runUrl };
    const other = workersOf({ ...config, REDIS_URL: otherUrl }, urls.other);
    await other.worker.waitUntilReady();

    // when: the run enqueues notices on the default queue name, before its own workers are up
    const queue = createNotificationQueue(runUrl, NOTIFICATION_QUEUE, { attempts: 2, backoffMs: 100 });
    started.push(queue);
    const notices: { id: string; mobile: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const { id, applicant } = await seedRegistration(db);
      const notificationId = await createNotificationsRepo(db).create({
        registrationId: id,
        channel: 'sms',
        template: 'rejected',
        idempotencyKey: `${id}:rejected:sms`,
      });
      await queue.enqueue(notificationId);
      notices.push({ id: notificationId, mobile: applicant.mobile });
    }
    workersOf(run, urls.own);

    // then: every notice is sent once through the run's own gateway, none through the other stack's
    const repo = createNotificationsRepo(db);
    for (let i = 0; i < 200; i++) {
      const rows = await Promise.all(notices.map((n) => repo.get(n.id)));
      if (rows.every((r) => r?.status === 'sent')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await Promise.all(notices.map((n) => repo.get(n.id)))).map((r) => r?.status)).toEqual([
      'sent',
      'sent',
      'sent',
    ]);
    const own = await messagesAt(urls.own);
    for (const n of notices) expect(own.filter((m) => m.to === n.mobile)).toHaveLength(1);
    expect(await messagesAt(urls.other)).toEqual([]);
  });
});
