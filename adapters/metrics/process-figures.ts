import { Gauge, type Registry } from 'prom-client';
import type { Db } from '../../db/knex.js';
import { incidentSystem } from '../../domain/incident-codes.js';
import { UNSUCCESSFUL_REASONS, unsuccessfulReason } from '../../domain/registration-figures.js';
import { durationMs } from '../../domain/iso-duration.js';
import type { ProcessEngine } from '../engine/process-engine.js';
import { USER_TASKS } from '../engine/process-model.js';

/** A table's rows (those matching `where`) counted by one column, as `{ key, n }`. */
async function countBy(
  db: Db,
  table: string,
  column: string,
  where: Record<string, string> = {},
): Promise<{ key: string; n: string | number }[]> {
  return db(table).where(where).select({ key: column }).count({ n: '*' }).groupBy(column);
}

/**
 * The process's own figures, read when Prometheus scrapes (a few grouped counts, no personal data): the
 * registrations in each state and the unsuccessful ones by reason, the notices not yet delivered by channel and
 * the oldest one's age, the engine's open incidents by system and activity (the card step where the registrations
 * wait) and the systems an alert is out for, the open reviews, the oldest one's age and those past
 * REVIEW_REMINDER. ops/prometheus/ alerts on them.
 */
export function registerProcessFigures(
  registry: Registry,
  db: Db,
  engine: Pick<ProcessEngine, 'openIncidents' | 'tasksOf' | 'taskCount'>,
  reviewReminder: string,
) {
  new Gauge({
    name: 'payam_registrations',
    help: 'Registrations by state (applicant-data, verifying, otp, under-review, registered, rejected, expired)',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await countBy(db, 'registrations', 'status');
      for (const r of rows) this.set({ state: r.key }, Number(r.n));
    },
  });
  new Gauge({
    name: 'payam_registrations_unsuccessful',
    help:
      'Registrations that ended unsuccessful, by reason as the reports count them: rejected by a reviewer, or expired ' +
      'after the process last sent the applicant back for the captcha, the civil registry, Shahkar or the code, else expired',
    labelNames: ['reason'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const reason of UNSUCCESSFUL_REASONS) this.set({ reason }, 0);
      const rows: { status: string; return_reason: string | null; n: string | number }[] = await db('registrations')
        .whereIn('status', ['rejected', 'expired'])
        .select('status', 'return_reason')
        .count({ n: '*' })
        .groupBy('status', 'return_reason');
      for (const r of rows) {
        const reason = unsuccessfulReason({ status: r.status, returnReason: r.return_reason });
        if (reason) this.inc({ reason }, Number(r.n));
      }
    },
  });
  new Gauge({
    name: 'payam_notices_undelivered',
    help: 'Notices (SMS, e-mail) in the outbox not delivered yet, by channel',
    labelNames: ['channel'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const channel of ['sms', 'email']) this.set({ channel }, 0);
      const rows = await countBy(db, 'notifications', 'channel', { status: 'queued' });
      for (const r of rows) this.set({ channel: r.key }, Number(r.n));
    },
  });
  new Gauge({
    name: 'payam_notice_oldest_undelivered_seconds',
    help: 'Age of the oldest notice in the outbox not delivered yet, by channel (0 when none)',
    labelNames: ['channel'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const channel of ['sms', 'email']) this.set({ channel }, 0);
      const rows: { channel: string; age: string | number }[] = await db('notifications')
        .where({ status: 'queued' })
        .select('channel', db.raw('extract(epoch from now() - min(created_at)) as age'))
        .groupBy('channel');
      for (const r of rows) this.set({ channel: r.channel }, Number(r.age));
    },
  });
  new Gauge({
    name: 'payam_incident_alerts_active',
    help: '1 for each outside system the IT office was alerted of and whose all-clear has not gone out yet',
    labelNames: ['system'],
    registers: [registry],
    async collect() {
      this.reset();
      const rows: { system: string; alerting: boolean }[] = await db('incident_alert_state').select(
        'system',
        'alerting',
      );
      for (const r of rows) this.set({ system: r.system }, r.alerting ? 1 : 0);
    },
  });
  // The registry collects every gauge at once: the three review gauges share the one read in flight. The engine
  // counts the open and the overdue reviews and lists only the oldest, so a long queue is not read whole.
  let reading: Promise<{ open: number; oldest: number; overdue: number }> | undefined;
  const readReviews = async () => {
    const now = Date.now();
    const review = { taskDefinitionKey: USER_TASKS.review };
    const [open, overdue, [oldest]] = await Promise.all([
      engine.taskCount(review),
      engine.taskCount({ ...review, createdUpTo: new Date(now - durationMs(reviewReminder)) }),
      engine.tasksOf(review, { maxResults: 1 }),
    ]);
    return { open, overdue, oldest: oldest ? Math.max(0, (now - new Date(oldest.created).getTime()) / 1000) : 0 };
  };
  const reviews = () =>
    (reading ??= readReviews().finally(() => {
      reading = undefined;
    }));
  const reviewGauge = (name: string, help: string, pick: (r: Awaited<ReturnType<typeof reviews>>) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        this.set(pick(await reviews()));
      },
    });
  reviewGauge('payam_reviews_open', "Reviews waiting in the reviewers' queue (card steps 10–11)", (r) => r.open);
  reviewGauge(
    'payam_review_oldest_age_seconds',
    'How long the oldest open review has waited (0 when none)',
    (r) => r.oldest,
  );
  reviewGauge('payam_reviews_overdue', 'Open reviews older than REVIEW_REMINDER', (r) => r.overdue);
  new Gauge({
    name: 'payam_incidents_open',
    help: "The engine's open incidents by failing system and activity (card step)",
    labelNames: ['system', 'activity'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const i of await engine.openIncidents())
        this.inc({ system: incidentSystem(i.message), activity: i.activityId });
    },
  });
}
