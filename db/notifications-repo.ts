import { randomUUID } from 'node:crypto';
import type { Db, Tx } from './knex.js';

type Channel = 'sms' | 'email';
export type NotificationTemplate =
  | 'registered'
  | 'rejected'
  /** A registration a restore lost: the applicant is asked to start again. */
  | 'start-again'
  | 'review-reminder'
  | 'otp'
  /** The IT office's and the reviewers' alerts: their text is written from `operations_alerts`, never a registration. */
  | 'incident-alert'
  | 'incident-all-clear'
  | 'reviews-overdue';

export interface NotificationRow {
  id: string;
  /** The registration a notice is about; null for an alert, which names `alert_id` instead. */
  registration_id: string | null;
  alert_id: string | null;
  channel: Channel;
  template: NotificationTemplate;
  idempotency_key: string;
  status: 'queued' | 'sent' | 'failed';
  provider_message_id: string | null;
  attempts: number;
  last_error_code: string | null;
  created_at: Date;
  sent_at: Date | null;
  claimed_until: Date | null;
  /** An e-mail's Message-ID, set when the notice is first claimed and kept for every later attempt. */
  message_id: string | null;
  /** The one-time code an `otp` notice carries (its digits are derived again at delivery, never stored). */
  one_time_code_id: string | null;
}

type NewNotification = {
  /** One of the two: the registration the notice is about, or the operations alert it carries. */
  registrationId?: string;
  alertId?: string;
  channel: Channel;
  template: NotificationTemplate;
  idempotencyKey: string;
  oneTimeCodeId?: string;
};

export function createNotificationsRepo(db: Db) {
  const table = (trx?: Tx) => (trx ?? db)<NotificationRow>('notifications');
  /** The notification under this key, created the first time; `created` tells a repeat apart. */
  async function ensure(n: NewNotification, trx?: Tx) {
    const [inserted] = await table(trx)
      .insert({
        id: randomUUID(),
        registration_id: n.registrationId ?? null,
        alert_id: n.alertId ?? null,
        channel: n.channel,
        template: n.template,
        idempotency_key: n.idempotencyKey,
        one_time_code_id: n.oneTimeCodeId ?? null,
      })
      .onConflict('idempotency_key')
      .ignore()
      .returning('id');
    if (inserted) return { id: inserted.id, created: true };
    const row = await table(trx).where({ idempotency_key: n.idempotencyKey }).first('id');
    return { id: row!.id, created: false };
  }
  return {
    ensure,
    create: async (n: NewNotification, trx?: Tx) => (await ensure(n, trx)).id,
    get: (id: string, trx?: Tx) => table(trx).where({ id }).first(),
    forRegistration: (registrationId: string, trx?: Tx) =>
      table(trx).where({ registration_id: registrationId }).orderBy('created_at'),
    /**
     * Takes an undelivered notice for one delivery attempt, for `leaseMs`, counting the attempt; none
     * when it was delivered or another delivery holds it. The lease outlives a crashed holder only
     * by its length, after which the sweeper hands the notice out again. An e-mail gets `messageId` as
     * its Message-ID on its first claim and keeps the one it has on every later claim, written in the
     * same statement, so no attempt can send before its Message-ID is stored.
     */
    async claim(id: string, leaseMs: number, messageId: string, trx?: Tx): Promise<NotificationRow | undefined> {
      const [row] = await table(trx)
        .where({ id, status: 'queued' })
        .andWhere((q) => {
          q.whereNull('claimed_until').orWhere('claimed_until', '<', db.fn.now());
        })
        .update({
          claimed_until: db.raw(`now() + make_interval(secs => ?)`, [leaseMs / 1000]) as unknown as Date,
          attempts: db.raw('attempts + 1') as unknown as number,
          message_id: db.raw(`coalesce(message_id, case when channel = 'email' then ? end)`, [
            messageId,
          ]) as unknown as string,
        })
        .returning('*');
      return row;
    },
    async markSent(id: string, providerMessageId: string, trx?: Tx) {
      await table(trx)
        .where({ id })
        .update({
          status: 'sent',
          provider_message_id: providerMessageId,
          sent_at: db.fn.now() as unknown as Date,
          last_error_code: null,
          claimed_until: null,
        });
    },
    /** `final` only for a notice that can never be delivered; a transient failure leaves it to the next attempt or the sweeper. */
    async markFailed(id: string, errorCode: string, final: boolean, trx?: Tx) {
      await table(trx)
        .where({ id })
        .update({ last_error_code: errorCode, claimed_until: null, ...(final ? { status: 'failed' as const } : {}) });
    },
    /** Undelivered notices created before `createdBefore` and not held by a delivery now, oldest first; `registrationIds` narrows (tests share one database). */
    undelivered: (createdBefore: Date, limit: number, registrationIds?: string[], trx?: Tx) =>
      table(trx)
        .where({ status: 'queued' })
        .andWhere('created_at', '<', createdBefore)
        .modify((q) => {
          if (registrationIds) q.whereIn('registration_id', registrationIds);
        })
        .andWhere((q) => {
          q.whereNull('claimed_until').orWhere('claimed_until', '<', db.fn.now());
        })
        .orderBy('created_at')
        .limit(limit)
        .select('id'),
  };
}
