import type { Logger } from 'pino';
import type { NotificationQueue } from '../../adapters/queue/notification-queue.js';
import type { Db } from '../../db/knex.js';
import { createNotificationsRepo } from '../../db/notifications-repo.js';

export interface SweeperSettings {
  /** How often the outbox is read. */
  intervalMs: number;
  /** Notices younger than this are left to the task that wrote them, which enqueues them itself. */
  graceMs: number;
  batch?: number;
  /** Only these registrations' notices (a test's, as tests share one database). */
  registrationIds?: () => string[];
}

/**
 * The outbox's sweeper: every undelivered notice whose job is not waiting or running goes back on
 * the queue — after Redis lost its data, after a job ran out of attempts while the gateway was down,
 * or when a writer could not reach Redis at all. Several sweepers (one per workers process) are
 * harmless: the notice id is the job id, and a delivery claims its row before sending.
 */
export function startNoticeSweeper(
  deps: { db: Db; logger: Logger; queue: NotificationQueue },
  settings: SweeperSettings,
) {
  const repo = createNotificationsRepo(deps.db);
  let running: Promise<number> | undefined;

  async function sweep(): Promise<number> {
    const rows = await repo.undelivered(
      new Date(Date.now() - settings.graceMs),
      settings.batch ?? 200,
      settings.registrationIds?.(),
    );
    let requeued = 0;
    for (const { id } of rows) if (await deps.queue.requeue(id)) requeued++;
    if (requeued > 0) deps.logger.info({ requeued }, 'undelivered notices enqueued again');
    return requeued;
  }

  const tick = () => {
    if (running) return;
    running = sweep()
      .catch((e: Error) => {
        deps.logger.warn({ err: e.name, message: e.message }, 'notice sweep failed; next time');
        return 0;
      })
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, settings.intervalMs);
  timer.unref();
  return {
    /** One sweep now (tests, and a workers process that starts). */
    sweep,
    async close() {
      clearInterval(timer);
      await running;
    },
  };
}
