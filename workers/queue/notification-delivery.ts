import { UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Mailer } from '../../adapters/mail/mailer.js';
import { createRedis, NOTIFICATION_QUEUE, type DeliveryJobData } from '../../adapters/queue/notification-queue.js';
import type { SmsGateway } from '../../adapters/sms/sms-gateway.js';
import type { Config } from '../../config/config.js';
import { createAccountsRepo } from '../../db/accounts-repo.js';
import { WorkerError } from '../support/worker-error.js';
import { createApplicantDataRepo } from '../../db/applicant-data-repo.js';
import type { Db } from '../../db/knex.js';
import { createNotificationsRepo, type NotificationRow } from '../../db/notifications-repo.js';
import { createOneTimeCodesRepo } from '../../db/one-time-codes-repo.js';
import { deriveOtp } from '../../domain/one-time-code.js';
import { newMessageId } from '../../adapters/mail/message-id.js';
import { createRegistrationsRepo } from '../../db/registrations-repo.js';
import { emailFor, smsFor, type NoticeInput } from '../../domain/notification-texts.js';
import { alertEmailFor } from '../../domain/alert-texts.js';
import { createAlertsRepo } from '../../db/alerts-repo.js';
import type { RejectionReason } from '../../domain/review-decision.js';

export interface DeliveryDeps {
  db: Db;
  config: Config;
  logger: Logger;
  sms: SmsGateway;
  mailer: Mailer;
}

/**
 * An alert's e-mail, written from its stored facts: incidents and all-clears to the IT office, the overdue
 * reviews' digest to the reviewers' mailbox.
 */
async function alertMail(db: Db, config: Config, alertId: string) {
  const alert = await createAlertsRepo(db).get(alertId);
  if (!alert) throw new WorkerError(WorkerError.ALERT_MISSING, 'no alert for the notice', false);
  return {
    to: alert.kind === 'reviews-overdue' ? config.REVIEW_MAILBOX : config.ALERT_EMAIL_TO,
    ...alertEmailFor(alert.facts),
  };
}

/** The notice's text and its recipient, each read only where its template needs it. */
async function noticeFor(
  db: Db,
  config: Config,
  row: { registration_id: string; template: string; channel: string },
): Promise<{ notice: NoticeInput; to: string }> {
  const registrationId = row.registration_id;
  if (row.template === 'review-reminder') {
    return {
      notice: { template: 'review-reminder', registrationId, reviewUrl: `${config.PUBLIC_BASE_URL}/review/` },
      to: config.REVIEW_MAILBOX,
    };
  }
  const data = await createApplicantDataRepo(db).get(registrationId);
  if (!data) throw new WorkerError(WorkerError.APPLICANT_DATA_MISSING, 'no applicant data for the notice', false);
  const to = row.channel === 'sms' ? data.mobile : data.email;
  if (row.template === 'start-again') {
    const reg = await createRegistrationsRepo(db).get(registrationId);
    return {
      notice: {
        template: 'start-again',
        trackingCode: reg?.tracking_code ?? '',
        formUrl: `${config.PUBLIC_BASE_URL}/`,
      },
      to,
    };
  }
  if (row.template === 'registered') {
    const account = await createAccountsRepo(db).byRegistration(registrationId);
    return {
      notice: {
        template: 'registered',
        username: account!.username,
        agencyName: data.agencyName,
        loginUrl: `${config.PUBLIC_BASE_URL}/login`,
      },
      to,
    };
  }
  const reg = await createRegistrationsRepo(db).get(registrationId);
  return {
    notice: {
      template: 'rejected',
      reason: (reg?.outcome_reason ?? 'other') as RejectionReason,
      text: reg?.rejection_text ?? null,
      agencyName: data.agencyName,
    },
    to,
  };
}

const OTP_SMS_TEMPLATE = 'payam-otp';
/** A code replaced by a newer one, used, expired or purged before its SMS could go: sending it would only mislead. */
const OTP_NOT_CURRENT = 'OTP_NOT_CURRENT';

/** A one-time code's SMS: its digits derived again here, from the code's id, and held only for the send. */
async function codeSms(db: Db, config: Config, row: NotificationRow) {
  const code = row.one_time_code_id ? await createOneTimeCodesRepo(db).get(row.one_time_code_id) : undefined;
  if (!code || code.superseded_at || code.consumed_at || new Date(code.expires_at).getTime() <= Date.now())
    return undefined;
  const data = await createApplicantDataRepo(db).get(row.registration_id!);
  if (!data) throw new WorkerError(WorkerError.APPLICANT_DATA_MISSING, 'no applicant data for the code', false);
  return { codeId: code.id, to: data.mobile, tokens: [deriveOtp(code.id, config.SECRET_PEPPER)] };
}

/** A Redis call that gives up after `ms`: the memory of sends helps, but a delivery never waits on it. */
async function within<T, F>(call: Promise<T>, fallback: F, ms = 2_000): Promise<T | F> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<F>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  try {
    return await Promise.race([call.catch(() => fallback), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Longer than the slowest send (SMS or SMTP timeout) with room for the database on either side. */
const CLAIM_MS = 60_000;

/**
 * Delivers one notice of the outbox (`notifications`). The recipient and text are read from
 * PostgreSQL at delivery time, so Redis holds only ids. The row is claimed before sending, so a
 * second job for it (enqueued again by the sweeper) sends nothing; its key is the provider-side
 * idempotency key, so a retry after a lost reply does not send twice. A permanent refusal stops
 * BullMQ's retries and is recorded; a transient one that outlasts the attempts stays undelivered
 * for the sweeper.
 */
export function startNotificationDelivery(deps: DeliveryDeps, queueName = NOTIFICATION_QUEUE) {
  const repo = createNotificationsRepo(deps.db);
  const connection = createRedis(deps.config.REDIS_URL);
  // Its own connection, failing fast: the Worker's waits for Redis forever, which a send must not.
  const memory = new Redis(deps.config.REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 2_000 });
  memory.on('error', () => undefined); // a Redis away is a miss here, not a crash
  /**
   * What providers accepted, by notice, kept beside the queue for a day: the provider's answer is written
   * here first, then in PostgreSQL. A send whose `sent` could not be written (PostgreSQL away, the process
   * killed in between) is then found here by the next attempt, in any workers process, and not sent again:
   * Kavenegar's template sends take no reference it would dedupe on, and an e-mail sent twice, however the
   * same its Message-ID, is two arrivals to a mail server.
   */
  const sentKey = (id: string) => `payam:notice-sent:${id}`;
  const sentBefore = (id: string) => within(memory.get(sentKey(id)), null);
  const rememberSent = (id: string, messageId: string) =>
    within(memory.set(sentKey(id), messageId, 'EX', 86_400), null);
  async function recordSent(row: NotificationRow, messageId: string) {
    await deps.db.transaction(async (trx) => {
      await repo.markSent(row.id, messageId, trx);
      // The resend cool-down and the form count from the moment the code left.
      if (row.template === 'otp' && row.one_time_code_id)
        await createOneTimeCodesRepo(deps.db).markSent(row.one_time_code_id, new Date(), trx);
    });
  }

  const worker = new Worker<DeliveryJobData>(
    queueName,
    async (job) => {
      const row = await repo.claim(job.data.notificationId, CLAIM_MS, newMessageId(deps.config.MAIL_FROM));
      if (!row) {
        const now = await repo.get(job.data.notificationId);
        if (!now) throw new UnrecoverableError('NOTIFICATION_NOT_FOUND');
        // Sent, failed for good, or in another delivery's hands (which the sweeper covers if it dies).
        return now.provider_message_id ?? now.status;
      }
      try {
        // Sent already by an attempt that could not record it (PostgreSQL went, or this process): record it now.
        const earlier = await sentBefore(row.id);
        if (earlier) {
          await recordSent(row, earlier);
          return earlier;
        }
        const ctx = { idempotencyKey: row.idempotency_key };
        let messageId: string;
        if (row.alert_id) {
          // Claimed above, so it is stored: every attempt at this e-mail carries the same Message-ID.
          const mail = await alertMail(deps.db, deps.config, row.alert_id);
          messageId = (await deps.mailer.send(mail, { messageId: row.message_id! })).messageId;
        } else if (row.template === 'otp') {
          const sms = await codeSms(deps.db, deps.config, row);
          if (!sms) {
            await repo.markFailed(row.id, OTP_NOT_CURRENT, true);
            return OTP_NOT_CURRENT;
          }
          messageId = (await deps.sms.sendTemplate(sms.to, OTP_SMS_TEMPLATE, sms.tokens, ctx)).messageId;
        } else {
          const { notice, to } = await noticeFor(deps.db, deps.config, {
            ...row,
            registration_id: row.registration_id!,
          });
          if (row.channel === 'sms') {
            const sms = smsFor(notice);
            messageId = (
              'text' in sms
                ? await deps.sms.send(to, sms.text, ctx)
                : await deps.sms.sendTemplate(to, sms.template, sms.tokens, ctx)
            ).messageId;
          } else {
            // Claimed above, so it is stored: every attempt at this e-mail carries the same Message-ID.
            messageId = (await deps.mailer.send({ to, ...emailFor(notice) }, { messageId: row.message_id! })).messageId;
          }
        }
        await rememberSent(row.id, messageId);
        await recordSent(row, messageId);
        return messageId;
      } catch (err) {
        const e = err as { code?: string; retryable?: boolean };
        const code = typeof e.code === 'string' ? e.code : 'INTERNAL_ERROR';
        const final = e.retryable === false;
        // If PostgreSQL is away too, the claim runs out by itself and the sweeper tries again.
        await repo.markFailed(row.id, code, final).catch(() => undefined);
        deps.logger.warn(
          { notificationId: row.id, channel: row.channel, errorCode: code, final },
          'notice not delivered',
        );
        if (final) throw new UnrecoverableError(code);
        throw new Error(code);
      }
    },
    { connection, concurrency: 4 },
  );
  return {
    worker,
    async close() {
      await worker.close();
      connection.disconnect();
      memory.disconnect();
    },
  };
}
