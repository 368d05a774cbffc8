import { setTimeout as sleep } from 'node:timers/promises';
import type { ExternalTasks, LockedTask } from '../../adapters/engine/external-tasks.js';
import { taskNoLongerOurs } from '../../adapters/engine/external-tasks.js';
import type { Worker } from './define-worker.js';
import { faultOf, nextRetry } from './failure.js';
import type { WorkerDeps } from './worker-deps.js';

/**
 * One topic's loop: a long poll for up to `maxTasks`, each task run at once, the next poll sent as
 * soon as the previous answers (no idle pause). A long poll is not woken by a retry timeout expiring,
 * so after reporting a failure the poller wakes itself when the task is due again: it drops its poll
 * and sends a new one. The engine runs with unique worker requests, so the new poll (same worker id)
 * cancels the dropped one there; otherwise the dropped poll could still lock tasks nobody reads.
 */
export function startTopicPoller(
  worker: Worker, api: ExternalTasks, deps: WorkerDeps, longPollMs: number,
  hooks: { onCompleted?: (task: LockedTask) => void } = {},
) {
  let stopped = false;
  let poll: AbortController | undefined;
  const running = new Set<Promise<void>>();
  const wakeTimers = new Set<NodeJS.Timeout>();
  const ctxOf = (t: LockedTask) => ({ topic: worker.topic, taskId: t.id, processInstanceId: t.processInstanceId, activityId: t.activityId });

  const wake = () => poll?.abort();

  async function handle(task: LockedTask) {
    let out;
    try {
      out = await worker.run(task, deps);
    } catch (err) {
      const fault = faultOf(err);
      const { retries, retryTimeoutMs } = nextRetry(task, fault.retryable, deps.config.JOB_RETRY_BACKOFF_MS);
      deps.logger.warn({ ...ctxOf(task), errorCode: fault.code, retries }, retries ? 'task failed; will retry' : 'task failed; incident raised');
      // The message is what Cockpit shows on the incident: the failing system's code first.
      await api.failure(task.id, `${fault.code}: ${fault.message}`, retries, retryTimeoutMs).catch((e) => {
        if (!taskNoLongerOurs(e)) deps.logger.error({ ...ctxOf(task), err: faultOf(e).code }, 'failure not reported; the lock will expire');
      });
      if (retries > 0) {
        const t = setTimeout(() => { wakeTimers.delete(t); wake(); }, retryTimeoutMs + 50);
        wakeTimers.add(t);
      }
      return;
    }
    await api.complete(task.id, out).then(() => hooks.onCompleted?.(task), (e) => {
      // Completed already by an earlier delivery, or the instance moved on: the effects are keyed on the task id.
      if (taskNoLongerOurs(e)) deps.logger.info(ctxOf(task), 'task no longer ours at completion');
      else deps.logger.error({ ...ctxOf(task), err: faultOf(e).code }, 'completion not reported; the lock will expire and the task run again');
    });
  }

  async function loop() {
    let failures = 0;
    while (!stopped) {
      const free = worker.maxTasks - running.size;
      if (free <= 0) {
        await Promise.race(running);
        continue;
      }
      poll = new AbortController();
      let tasks: LockedTask[] = [];
      try {
        tasks = await api.fetchAndLock(worker, free, longPollMs, poll.signal);
        failures = 0;
      } catch (err) {
        if (stopped || poll.signal.aborted) continue;
        failures++;
        // Under concurrency fetch-and-lock may answer 500 (optimistic locking): ask again at once the first time.
        if (failures > 1) {
          deps.logger.warn({ topic: worker.topic, err: faultOf(err).code, failures }, 'fetch-and-lock failed; backing off');
          await sleep(Math.min(250 * 2 ** failures, 5_000));
        }
        continue;
      }
      for (const task of tasks) {
        const p: Promise<void> = handle(task).finally(() => running.delete(p));
        running.add(p);
      }
    }
  }

  const done = loop();
  return {
    topic: worker.topic,
    wake,
    async close() {
      stopped = true;
      for (const t of wakeTimers) clearTimeout(t);
      poll?.abort();
      await done;
      // A last request that takes nothing, so the engine drops the long poll we abandoned.
      await api.fetchAndLock(worker, 0, 0).catch(() => undefined);
      await Promise.allSettled(running);
    },
  };
}

export type TopicPoller = ReturnType<typeof startTopicPoller>;
