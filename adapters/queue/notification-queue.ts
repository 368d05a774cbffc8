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
export function createNotificationQueue(redisUrl: string, name: string, retry: { attempts: number; backoffMs: number }) {
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
    async close() {
      await queue.close();
      connection.disconnect();
    },
  };
}

export type NotificationQueue = ReturnType<typeof createNotificationQueue>;
