import { Counter, Histogram, type Registry } from 'prom-client';
import type { TaskOutcome } from './task-poller.js';

/**
 * Each worker's tasks per topic: how many ended how (completed, failed with retries left, failed into an
 * incident), and how long its handler took. What the poller's `onTaskDone` reports.
 */
export function createTaskMetrics(registry: Registry) {
  const tasks = new Counter({
    name: 'payam_worker_tasks_total',
    help: 'External tasks handled, by topic and outcome (completed, failed: retried, incident: retries used up)',
    labelNames: ['topic', 'outcome'],
    registers: [registry],
  });
  const seconds = new Histogram({
    name: 'payam_worker_task_duration_seconds',
    help: "Time in a worker's handler per task, by topic and outcome",
    labelNames: ['topic', 'outcome'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  return (done: { topic: string; outcome: TaskOutcome; seconds: number }) => {
    tasks.inc({ topic: done.topic, outcome: done.outcome });
    seconds.observe({ topic: done.topic, outcome: done.outcome }, done.seconds);
  };
}
