import type { Queue } from 'bullmq';
import { Gauge, type Registry } from 'prom-client';

const STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/**
 * BullMQ's queue depths by queue and state (the notices waiting for delivery, the scheduled jobs), read from Redis
 * when Prometheus scrapes. Redis away or slow leaves the gauge empty for that scrape rather than failing the
 * whole scrape: the workers' other figures still arrive, and `payam_notices_undelivered` (PostgreSQL) still counts.
 */
export function registerQueueDepths(registry: Registry, queues: () => Queue[]) {
  new Gauge({
    name: 'payam_queue_jobs',
    help: 'BullMQ jobs by queue and state (waiting, active, delayed, failed), from Redis',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const queue of queues()) {
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<undefined>((resolve) => {
          timer = setTimeout(() => resolve(undefined), 2_000);
        });
        const counts = await Promise.race([queue.getJobCounts(...STATES).catch(() => undefined), late]);
        clearTimeout(timer);
        if (counts) for (const state of STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
      }
    },
  });
}
