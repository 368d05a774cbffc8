import { Queue } from 'bullmq';
import { Redis } from 'ioredis';

export const NOTIFICATION_QUEUE = 'notifications';

export interface DeliveryJobData {
  /** Only the id: the recipient and the text stay in PostgreSQL, never in Redis. */
  notificationId: string;
}

export function createRedis(redisUrl: string) {
  // BullMQ needs blocking commands to wait forever rather than fail after a retry budget.
  return new Redis(redisUrl, { maxRetriesPerRequest: null });
}

/** `retry` comes from NOTICE_ATTEMPTS and NOTICE_RETRY_BACKOFF_MS. */
export function createNotificationQueue(
  redisUrl: string,
  name: string,
  retry: { attempts: number; backoffMs: number },
) {
  const connection = createRedis(redisUrl);
  const queue = new Queue<DeliveryJobData>(name, {
    connection,
    defaultJobOptions: {
      attempts: retry.attempts,
      backoff: { type: 'exponential', delay: retry.backoffMs },
      removeOnComplete: { age: 7 * 24 * 3600 },
      removeOnFail: false,
    },
  });
  return {
    name,
    queue,
    /** The notification id is the job id, so a repeated enqueue (a retried external task) adds nothing. */
    async enqueue(notificationId: string) {
      await queue.add('deliver', { notificationId }, { jobId: notificationId });
    },
    /**
     * Enqueues without waiting more than `waitMs` for Redis. The outbox row is what counts: when Redis
     * is away, the sweeper enqueues the notice later, so a caller never fails for the transport.
     */
    async offer(notificationId: string, waitMs = 2_000): Promise<boolean> {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), waitMs);
      });
      const added = queue.add('deliver', { notificationId }, { jobId: notificationId }).then(
        () => true,
        () => false,
      );
      try {
        return await Promise.race([added, late]);
      } finally {
        clearTimeout(timer);
      }
    },
    /**
     * Puts an undelivered notice back on the queue unless a job for it is still waiting or running:
     * its job was lost with Redis's data, or ran out of attempts, or finished while the row's update
     * did not reach PostgreSQL. Says whether it enqueued.
     */
    async requeue(notificationId: string): Promise<boolean> {
      const job = await queue.getJob(notificationId);
      if (job) {
        const state = await job.getState();
        if (state !== 'completed' && state !== 'failed' && state !== 'unknown') return false;
        await job.remove();
      }
      await queue.add('deliver', { notificationId }, { jobId: notificationId });
      return true;
    },
    async close() {
      await queue.close();
      connection.disconnect();
    },
  };
}

export type NotificationQueue = ReturnType<typeof createNotificationQueue>;
