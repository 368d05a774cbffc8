import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAIL_UNAVAILABLE, MailError } from '../../adapters/mail/mail-error.js';
import type { Mailer } from '../../adapters/mail/mailer.js';
import { createSmtpMailer } from '../../adapters/mail/smtp-mailer.js';
import {
  createNotificationQueue,
  createRedis,
  type NotificationQueue,
} from '../../adapters/queue/notification-queue.js';
import { createKavenegarSmsGateway } from '../../adapters/sms/kavenegar-sms-gateway.js';
import { loadConfig } from '../../config/config.js';
import { createLogger } from '../../config/logger.js';
import { createDb } from '../../db/knex.js';
import { createNotificationsRepo } from '../../db/notifications-repo.js';
import { createMailCatcher } from '../../simulators/mail-catcher/create-mail-catcher.js';
import { buildSmsSimulator } from '../../simulators/sms/server.js';
import { startNotificationDelivery } from '../../workers/queue/notification-delivery.js';
import { startNoticeSweeper } from '../../workers/queue/notice-sweeper.js';
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

const mine: string[] = [];
let sweepers: ReturnType<typeof startNoticeSweeper>[] = [];
afterEach(async () => {
  await Promise.all(sweepers.map((s) => s.close()));
  sweepers = [];
});
/** A sweeper on this test's queue that counts every notice as missed (no grace), swept by hand. */
function sweeper() {
  const s = startNoticeSweeper(
    { db, logger: createLogger({ level: 'silent' }), queue },
    { intervalMs: 3_600_000, graceMs: 0, registrationIds: () => mine },
  );
  sweepers.push(s);
  return s;
}

function start(wrapMailer: (m: Mailer) => Mailer = (m) => m) {
  const name = `notices-${randomUUID()}`; // a queue of its own per test
  queue = createNotificationQueue(config.REDIS_URL, name, { attempts: 4, backoffMs: 100 });
  const sms = createKavenegarSmsGateway({ baseUrl: smsUrl, apiKey: 'sim-api-key', sender: '1000', timeoutMs: 1000 });
  const mailer = wrapMailer(
    createSmtpMailer({ host: '127.0.0.1', port: smtpPort, from: 'Payam Iran <no-reply@payam.iran.ir>' }),
  );
  delivery = startNotificationDelivery({ db, config, logger: createLogger({ level: 'silent' }), sms, mailer }, name);
}

async function rejectionNotice(mobile?: string) {
  const { id, applicant } = await seedRegistration(db);
  mine.push(id);
  if (mobile) await db('applicant_data').where({ registration_id: id }).update({ mobile });
  await db('registrations').where({ id }).update({ outcome_reason: 'letter_unsigned' });
  const notificationId = await createNotificationsRepo(db).create({
    registrationId: id,
    channel: 'sms',
    template: 'rejected',
    idempotencyKey: `${id}:rejected:sms`,
  });
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
const smsTo = async (to: string) =>
  (await (await fetch(`${smsUrl}/__sim/messages?to=${to}`)).json()) as { text: string }[];

describe('notice delivery through BullMQ', () => {
  it('sends a notice enqueued twice (a repeated external task) once', async () => {
    start();
    const { notificationId, to } = await rejectionNotice();

    await queue.enqueue(notificationId);
    await queue.enqueue(notificationId);

    const sent = await until(
      () => row(notificationId),
      (r) => r?.status === 'sent',
    );
    expect(sent?.attempts).toBe(1);
    const messages = await smsTo(to);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.text).toContain('امضا');
  });

  it('an e-mail retried after an unknown outcome is the same message: the Message-ID stored before the first send', async () => {
    const seenBeforeSending: (string | null | undefined)[] = [];
    let replyLost = true;
    start((real) => ({
      async send(msg, opts) {
        seenBeforeSending.push((await row(notificationId))?.message_id);
        const sent = await real.send(msg, opts);
        // The server took the message, but its reply never reached us (the connection or the database went).
        if (replyLost) {
          replyLost = false;
          throw new MailError(MAIL_UNAVAILABLE, 'reply lost');
        }
        return sent;
      },
    }));
    const { id, applicant } = await seedRegistration(db);
    mine.push(id);
    await db('registrations').where({ id }).update({ outcome_reason: 'letter_unsigned' });
    const notificationId = await createNotificationsRepo(db).create({
      registrationId: id,
      channel: 'email',
      template: 'rejected',
      idempotencyKey: `${id}:rejected:email`,
    });

    await queue.enqueue(notificationId);

    const sent = await until(
      () => row(notificationId),
      (r) => r?.status === 'sent',
    );
    expect(sent?.attempts).toBe(2);
    expect(sent?.message_id).toMatch(/^<[0-9a-f-]{36}@payam\.iran\.ir>$/);
    expect(seenBeforeSending).toEqual([sent?.message_id, sent?.message_id]);
    const copies = mail.store.list({ to: applicant.email });
    expect(copies.map((m) => m.messageId)).toEqual([sent?.message_id, sent?.message_id]);
  });

  it('a notice the provider took but whose sending was never recorded (the process died) is recorded, not sent again', async () => {
    start();
    const { notificationId, to } = await rejectionNotice();
    // What the dead attempt left: the provider's answer in Redis, the row still queued in PostgreSQL.
    const redis = createRedis(config.REDIS_URL);
    await redis.set(`payam:notice-sent:${notificationId}`, '880000042', 'EX', 60);
    redis.disconnect();

    await queue.enqueue(notificationId);

    const sent = await until(
      () => row(notificationId),
      (r) => r?.status === 'sent',
    );
    expect(sent?.provider_message_id).toBe('880000042');
    expect(await smsTo(to)).toHaveLength(0);
  });

  it('retries with back-off while the gateway is down, then sends', async () => {
    start();
    const { notificationId, to } = await rejectionNotice();
    await fetch(`${smsUrl}/__sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'error', count: 2 }),
    });

    await queue.enqueue(notificationId);

    const sent = await until(
      () => row(notificationId),
      (r) => r?.status === 'sent',
    );
    expect(sent?.attempts).toBe(3);
    expect(await smsTo(to)).toHaveLength(1);
  });

  it('stops at once on a message that can never be delivered, and records why', async () => {
    start();
    const { notificationId } = await rejectionNotice('0912000');

    await queue.enqueue(notificationId);

    const failed = await until(
      () => row(notificationId),
      (r) => r?.status === 'failed',
    );
    expect(failed).toMatchObject({ attempts: 1, last_error_code: 'SMS_REJECTED' });
    const job = await until(
      () => queue.queue.getJob(notificationId),
      (j) => j?.failedReason !== undefined,
    );
    expect(job?.attemptsMade).toBe(1);
    await queue.queue.getJob(notificationId).then((j) => j?.remove());
    expect(await sweeper().sweep()).toBe(0); // a notice refused for good is not tried again
  });

  it('keeps only the notice id in Redis, never the number or the text', async () => {
    start();
    const { notificationId, to } = await rejectionNotice();
    await queue.enqueue(notificationId);
    const job = await queue.queue.getJob(notificationId);

    expect(JSON.stringify(job?.data)).toBe(JSON.stringify({ notificationId }));
    expect(JSON.stringify(job?.data)).not.toContain(to);
  });

  it('delivers once, after Redis lost the job, a notice the sweeper finds undelivered in the outbox', async () => {
    start();
    const { notificationId, to } = await rejectionNotice();
    await queue.enqueue(notificationId);
    await until(
      () => row(notificationId),
      (r) => r?.status === 'sent',
    );

    // Redis restarted with its data gone: every job, waiting or done, is lost.
    const second = await rejectionNotice();
    await queue.queue.obliterate({ force: true });
    expect(await sweeper().sweep()).toBe(1); // only the undelivered one goes back on the queue

    await until(
      () => row(second.notificationId),
      (r) => r?.status === 'sent',
    );
    expect(await smsTo(to)).toHaveLength(1);
    expect(await smsTo(second.to)).toHaveLength(1);
  });

  it('sends nothing for a second job while another delivery holds the notice, and the notice once its holder is gone', async () => {
    start();
    const { notificationId, to } = await rejectionNotice();
    // A delivery that claimed the notice and died (its process was killed) before sending.
    await createNotificationsRepo(db).claim(notificationId, 600, '<dead-holder@payam.test>');
    await queue.enqueue(notificationId);
    await until(
      () => queue.queue.getJob(notificationId).then((j) => j?.getState()),
      (s) => s === 'completed',
    );
    expect(await smsTo(to)).toHaveLength(0);

    await new Promise((r) => setTimeout(r, 700)); // the dead holder's claim runs out
    expect(await sweeper().sweep()).toBe(1);
    const sent = await until(
      () => row(notificationId),
      (r) => r?.status === 'sent',
    );
    expect(sent?.attempts).toBe(2);
    expect(await smsTo(to)).toHaveLength(1);
  });

  it('keeps a notice whose gateway stayed down past every attempt, and delivers it once when the sweeper sends it again', async () => {
    start();
    const { notificationId, to } = await rejectionNotice();
    await fetch(`${smsUrl}/__sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'error', count: 4 }),
    });
    await queue.enqueue(notificationId);
    await until(
      () => queue.queue.getJob(notificationId).then((j) => j?.getState()),
      (s) => s === 'failed',
    );
    expect(await row(notificationId)).toMatchObject({
      status: 'queued',
      attempts: 4,
      last_error_code: 'SMS_UNAVAILABLE',
    });

    expect(await sweeper().sweep()).toBe(1);
    await until(
      () => row(notificationId),
      (r) => r?.status === 'sent',
    );
    expect(await smsTo(to)).toHaveLength(1);
  });
});
