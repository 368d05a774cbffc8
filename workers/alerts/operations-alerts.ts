import { Queue, Worker } from 'bullmq';
import { createRedis } from '../../adapters/queue/notification-queue.js';
import type { Config } from '../../config/config.js';
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
  const queueConnection = createRedis(deps.config.REDIS_URL);
  const workerConnection = createRedis(deps.config.REDIS_URL);
  const queue = new Queue(queueName, { connection: queueConnection });
  const kept = { removeOnComplete: { count: 20 }, removeOnFail: { count: 50 } };
  const ready = Promise.all([
    queue.upsertJobScheduler(WATCH, { every: deps.config.INCIDENT_WATCH_MS }, { name: WATCH, opts: kept }),
    queue.upsertJobScheduler(
      DIGEST,
      { ...DIGEST_SCHEDULE },
      { name: DIGEST, opts: { ...kept, attempts: 3, backoff: { type: 'exponential', delay: 60_000 } } },
    ),
  ]).then(() => undefined);
  ready.catch((e: Error) => deps.logger.error({ err: e.name }, 'operations alerts not scheduled'));
  const worker = new Worker(
    queueName,
    async (job) => (job.name === DIGEST ? sendReviewDigest(deps) : (await watchIncidents(deps)).length),
    { connection: workerConnection, concurrency: 1 },
  );
  worker.on('failed', (job, e) =>
    deps.logger.warn(
      { job: job?.name, err: e.name, code: (e as { code?: string }).code },
      'operations alert run failed; the next run tries again',
    ),
  );
  return {
    queue,
    worker,
    ready,
    async close() {
      await worker.close();
      await queue.close();
      queueConnection.disconnect();
      workerConnection.disconnect();
    },
  };
}
