import { Queue, Worker, type Job } from 'bullmq';
import type { Logger } from 'pino';
import { createRedis } from '../../adapters/queue/notification-queue.js';

type Upsert = Parameters<Queue['upsertJobScheduler']>;
export interface Schedule {
  id: string;
  repeat: Upsert[1];
  template: NonNullable<Upsert[2]>;
}

/**
 * Scheduled jobs on one BullMQ queue. Every workers process upserts the same scheduler ids, so Redis holds
 * one schedule however many processes run, and each run is taken by one of them (one at a time).
 */
export function startScheduledJobs(opts: {
  redisUrl: string;
  queueName: string;
  schedules: Schedule[];
  run: (job: Job) => Promise<unknown>;
  logger: Logger;
  /** Logged, with the cause's name, when the schedules could not be written. */
  notScheduled: string;
  failed: (job: Job | undefined, e: Error) => void;
}) {
  const queueConnection = createRedis(opts.redisUrl);
  const workerConnection = createRedis(opts.redisUrl);
  const queue = new Queue(opts.queueName, { connection: queueConnection });
  const ready = Promise.all(opts.schedules.map((s) => queue.upsertJobScheduler(s.id, s.repeat, s.template))).then(
    () => undefined,
  );
  ready.catch((e: Error) => opts.logger.error({ err: e.name }, opts.notScheduled));
  const worker = new Worker(opts.queueName, opts.run, { connection: workerConnection, concurrency: 1 });
  worker.on('failed', opts.failed);
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
