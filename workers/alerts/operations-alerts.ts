import type { Config } from '../../config/config.js';
import { startScheduledJobs } from '../support/scheduled-jobs.js';
import { watchIncidents, type AlertDeps } from './incident-watcher.js';
import { sendReviewDigest } from './review-digest.js';

const ALERTS_QUEUE = 'operations-alerts';
const WATCH = 'incident-watch';
const DIGEST = 'review-digest';

/** Every morning at 08:00 in Tehran, as the reviewers' working day begins. */
const DIGEST_SCHEDULE = { pattern: '0 8 * * *', tz: 'Asia/Tehran' } as const;

/**
 * The incident watcher (every INCIDENT_WATCH_MS) and the reviewers' daily digest as BullMQ job schedulers, as
 * the retention purge is: every workers process upserts the same scheduler ids, so Redis holds one schedule
 * however many run, and each run is taken by one of them. What was sent is remembered in PostgreSQL
 * (incident_alert_state, the outbox), not here: a restart, or Redis emptied, repeats nothing.
 */
export function startOperationsAlerts(deps: AlertDeps & { config: Config }, queueName = ALERTS_QUEUE) {
  const kept = { removeOnComplete: { count: 20 }, removeOnFail: { count: 50 } };
  return startScheduledJobs({
    redisUrl: deps.config.REDIS_URL,
    queueName,
    schedules: [
      { id: WATCH, repeat: { every: deps.config.INCIDENT_WATCH_MS }, template: { name: WATCH, opts: kept } },
      {
        id: DIGEST,
        repeat: { ...DIGEST_SCHEDULE },
        template: { name: DIGEST, opts: { ...kept, attempts: 3, backoff: { type: 'exponential', delay: 60_000 } } },
      },
    ],
    run: async (job) => (job.name === DIGEST ? sendReviewDigest(deps) : (await watchIncidents(deps)).length),
    logger: deps.logger,
    notScheduled: 'operations alerts not scheduled',
    failed: (job, e) =>
      deps.logger.warn(
        { job: job?.name, err: e.name, code: (e as { code?: string }).code },
        'operations alert run failed; the next run tries again',
      ),
  });
}
