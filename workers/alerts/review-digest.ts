import { USER_TASKS } from '../../adapters/engine/process-model.js';
import { createAlertsRepo } from '../../db/alerts-repo.js';
import { createNotificationsRepo } from '../../db/notifications-repo.js';
import { durationMs } from '../../domain/iso-duration.js';
import { IRAN_TIME_ZONE } from '../../domain/jalali-date.js';
import type { AlertDeps } from './incident-watcher.js';

/** The Tehran calendar day of an instant, 2026-12-06: a digest's key, so each day has one. */
const tehranDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: IRAN_TIME_ZONE }).format(at);

/**
 * The reviewers' daily digest: one e-mail to REVIEW_MAILBOX (the reviewers' group; staff have no addresses of
 * their own) listing every review open longer than REVIEW_REMINDER, by tracking code, id, since when and its
 * page; nothing when none is. The day is the notice's idempotency key, so a second run that day (a retried job,
 * two schedulers' runs) writes nothing new. Returns the notice's id, if one is due.
 */
export async function sendReviewDigest(deps: AlertDeps): Promise<string | undefined> {
  const now = deps.now();
  const due = now.getTime() - durationMs(deps.config.REVIEW_REMINDER);
  // The engine selects the overdue ones, so the queue is not read whole.
  const overdue = (
    await deps.engine.tasksOf({ taskDefinitionKey: USER_TASKS.review, createdUpTo: new Date(due) })
  ).filter((t) => t.businessKey);
  if (!overdue.length) return undefined;
  const day = tehranDay(now);
  const key = `reviews-overdue:${day}`;
  const notices = createNotificationsRepo(deps.db);
  const existing = await deps.db('notifications').where({ idempotency_key: key }).first('id');
  const id: string =
    existing?.id ??
    (await deps.db.transaction(async (trx) => {
      const codes = new Map<string, string>(
        (
          await trx('registrations')
            .whereIn(
              'id',
              overdue.map((t) => t.businessKey!),
            )
            .select('id', 'tracking_code')
        ).map((r: { id: string; tracking_code: string }) => [r.id, r.tracking_code]),
      );
      const alertId = await createAlertsRepo(deps.db).create(
        {
          kind: 'reviews-overdue',
          day,
          reminder: deps.config.REVIEW_REMINDER,
          reviews: overdue.map((t) => ({
            registrationId: t.businessKey!,
            trackingCode: codes.get(t.businessKey!) ?? null,
            waitingSince: new Date(t.created).toISOString(),
            reviewUrl: `${deps.config.PUBLIC_BASE_URL}/review/#${t.businessKey}`,
          })),
          queueUrl: `${deps.config.PUBLIC_BASE_URL}/review/`,
        },
        trx,
      );
      const notice = await notices.ensure(
        { alertId, channel: 'email', template: 'reviews-overdue', idempotencyKey: key },
        trx,
      );
      // Another run wrote the day's digest between our look and this insert: ours goes back with the transaction.
      if (!notice.created) throw Object.assign(new Error('digest written by another run'), { code: 'DIGEST_EXISTS' });
      return notice.id;
    }));
  await deps.notifications.offer(id);
  return id;
}
