import { startScheduledJobs } from '../support/scheduled-jobs.js';
import { purgeExpiredData, type PurgeDeps } from './purge-expired-data.js';

const RETENTION_QUEUE = 'retention-purge';
const SCHEDULER_ID = 'daily-retention-purge';

/** Every night at 03:30 in Tehran, when nobody registers, inside the engine's own clean-up window (01:00–05:00). */
const PURGE_SCHEDULE = { pattern: '30 3 * * *', tz: 'Asia/Tehran' } as const;

/**
 * The daily purge as a BullMQ job scheduler. Every worker process upserts the same scheduler id, so
 * Redis holds one schedule however many processes run, and each day's job is taken by one of them.
 * A failed run is tried again; a run is idempotent (what was removed is gone, the next finds less).
 */
export function startDailyPurge(deps: PurgeDeps, queueName = RETENTION_QUEUE) {
  return startScheduledJobs({
    redisUrl: deps.config.REDIS_URL,
    queueName,
    schedules: [
      {
        id: SCHEDULER_ID,
        repeat: { ...PURGE_SCHEDULE },
        template: {
          name: 'purge',
          opts: {
            attempts: 3,
            backoff: { type: 'exponential', delay: 60_000 },
            removeOnComplete: { count: 30 },
            removeOnFail: { count: 30 },
          },
        },
      },
    ],
    run: async () => purgeExpiredData(deps),
    logger: deps.logger,
    notScheduled: 'daily retention purge not scheduled',
    failed: (_job, e) =>
      deps.logger.warn(
        { err: e.name, code: (e as { code?: string }).code },
        'retention purge failed; it is tried again',
      ),
  });
}
