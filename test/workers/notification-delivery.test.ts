import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpMailer } from '../../adapters/mail/smtp-mailer.js';
import { createNotificationQueue, type NotificationQueue } from '../../adapters/queue/notification-queue.js';
import { createKavenegarSmsGateway } from '../../adapters/sms/kavenegar-sms-gateway.js';
import { loadConfig } from '../../config/config.js';
import { createLogger } from '../../config/logger.js';
import { createDb } from '../../db/knex.js';
import { createNotificationsRepo } from '../../db/notifications-repo.js';
import { createMailCatcher } from '../../simulators/mail-catcher/create-mail-catcher.js';
import { buildSmsSimulator } from '../../simulators/sms/server.js';
import { startNotificationDelivery } from '../../workers/queue/notification-delivery.js';
import { seedRegistration } from '../support/database.js';

const config = loadConfig();
const db = createDb(config.DATABASE_URL);
const smsSim = buildSmsSimulator();
const mail = createMailCatcher({ smtpPort: 0, httpPort: 0, logger: createLogger({ level: 'silent' }) });
let smsUrl = '';
let smtpPort = 0;
let queue: NotificationQueue;
let delivery: ReturnType<typeof startNotificationDelivery>;

beforeAll(async () => {
  await smsSim.listen({ port: 0, host: '127.0.0.1' });
  smsUrl = `http://127.0.0.1:${(smsSim.server.address() as AddressInfo).port}`;
  smtpPort = (await mail.start()).smtpPort;
});
afterEach(async () => {
  await delivery?.close();
  await queue?.close();
  await fetch(`${smsUrl}/__sim/faults`, { method: 'DELETE' });
});
afterAll(async () => {
  await Promise.all([smsSim.close(), mail.stop(), db.destroy()]);
});

function start() {
  const name = `notices-${randomUUID()}`; // a queue of its own per test
  queue = createNotificationQueue(config.REDIS_URL, name, { attempts: 4, backoffMs: 100 });
  const sms = createKavenegarSmsGateway({ baseUrl: smsUrl, apiKey: 'sim-api-key', sender: '1000', timeoutMs: 1000 });
  const mailer = createSmtpMailer({ host: '127.0.0.1', port: smtpPort, from: 'Payam Iran <no-reply@payam.iran.ir>' });
  delivery = startNotificationDelivery({ db, config, logger: createLogger({ level: 'silent' }), sms, mailer }, name);
}

async function rejectionNotice(mobile?: string) {
  const { id, applicant } = await seedRegistration(db);
  if (mobile) await db('applicant_data').where({ registration_id: id }).update({ mobile });
  await db('registrations').where({ id }).update({ outcome_reason: 'letter_unsigned' });
  const notificationId = await createNotificationsRepo(db).create({ registrationId: id, channel: 'sms', template: 'rejected', idempotencyKey: `${id}:rejected:sms` });
  return { notificationId, to: mobile ?? applicant.mobile };
}

const until = async <T>(read: () => Promise<T>, ok: (v: T) => boolean) => {
  for (let i = 0; i < 100; i++) {
    const v = await read();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out');
};
const row = (id: string) => createNotificationsRepo(db).get(id);
const smsTo = async (to: string) => (await (await fetch(`${smsUrl}/__sim/messages?to=${to}`)).json()) as { text: string }[];

describe('notice delivery through BullMQ', () => {
  it('sends a notice enqueued twice (a repeated external task) once', async () => {
    start();
    const { notificationId, to } = await rejectionNotice();

    await queue.enqueue(notificationId);
    await queue.enqueue(notificationId);

    const sent = await until(() => row(notificationId), (r) => r?.status === 'sent');
    expect(sent?.attempts).toBe(1);
    const messages = await smsTo(to);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.text).toContain('امضا');
  });

  it('retries with back-off while the gateway is down, then sends', async () => {
    start();
    const { notificationId, to } = await rejectionNotice();
    await fetch(`${smsUrl}/__sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mode: 'error', count: 2 }) });

    await queue.enqueue(notificationId);

    const sent = await until(() => row(notificationId), (r) => r?.status === 'sent');
    expect(sent?.attempts).toBe(3);
    expect(await smsTo(to)).toHaveLength(1);
  });

  it('stops at once on a message that can never be delivered, and records why', async () => {
    start();
    const { notificationId } = await rejectionNotice('0912000');

    await queue.enqueue(notificationId);

    const failed = await until(() => row(notificationId), (r) => r?.status === 'failed');
    expect(failed).toMatchObject({ attempts: 1, last_error_code: 'SMS_REJECTED' });
    const job = await until(() => queue.queue.getJob(notificationId), (j) => j?.failedReason !== undefined);
    expect(job?.attemptsMade).toBe(1);
  });

  it('keeps only the notice id in Redis, never the number or the text', async () => {
    start();
    const { notificationId, to } = await rejectionNotice();
    await queue.enqueue(notificationId);
    const job = await queue.queue.getJob(notificationId);

    expect(JSON.stringify(job?.data)).toBe(JSON.stringify({ notificationId }));
    expect(JSON.stringify(job?.data)).not.toContain(to);
  });
});
