import { setTimeout as sleep } from 'node:timers/promises';
import type { ExternalTasks, LockedTask } from '../../adapters/engine/external-tasks.js';
import { taskNoLongerOurs } from '../../adapters/engine/external-tasks.js';
import type { Worker } from './define-worker.js';
import { faultOf, nextRetry } from './failure.js';
import type { WorkerDeps } from './worker-deps.js';

/**
 * One long poll for all of a process's topics, each task run at once by its topic's worker, the next
 * poll sent as soon as the previous answers (no idle pause).
 *
 * One poll, not one per topic: the engine answers waiting polls by running every one of them again
 * whenever any external task is created, so thirteen polls cost thirteen queries (each with its
 * authorization checks) per task, where one poll costs one.
 *
 * Each topic runs at most its `maxTasks` at a time. A poll asks only for topics with room, and for as
 * many tasks as they have room in all; should one topic get more than its room, the rest wait here,
 * locked, for a free slot (and that topic is left out of the polls until they have run). A topic left
 * out is asked for by a new poll as soon as it has room again.
 *
 * A long poll is not woken by a retry timeout expiring, so after reporting a failure the poller wakes
 * itself when the task is due again by sending a new poll. The engine runs with unique worker requests,
 * so the new poll (same worker id) ends the older one there, which could otherwise still lock tasks.
 */
export type TaskOutcome = 'completed' | 'failed' | 'incident';

export function startTaskPoller(
  workers: Worker[],
  api: ExternalTasks,
  deps: WorkerDeps,
  longPollMs: number,
  hooks: {
    onCompleted?: (task: LockedTask) => void;
    /** Each task's end, for the metrics: completed, failed with retries left, or failed into an incident. */
    onTaskDone?: (done: { topic: string; outcome: TaskOutcome; seconds: number }) => void;
  } = {},
) {
  type Topic = { worker: Worker; running: number; waiting: LockedTask[] };
  const byTopic = new Map(workers.map((w): [string, Topic] => [w.topic, { worker: w, running: 0, waiting: [] }]));
  let stopped = false;
  /**
   * Each poll's own abort controller, aborted only when the poller stops. Not one signal shared by every
   * poll: fetch (undici) removes its abort listener only when the request is garbage-collected, so a shared
   * signal gathered hundreds of listeners between collections (Node warned of more than 1,500).
   */
  const inFlight = new Set<AbortController>();
  let slotFreed: (() => void) | undefined;
  let renewed: (() => void) | undefined;
  /** The topics the pending poll asks for; one left out for want of room is added by polling anew. */
  let polled = new Set<string>();
  const running = new Set<Promise<void>>();
  const wakeTimers = new Set<NodeJS.Timeout>();
  const ctxOf = (t: LockedTask) => ({
    topic: t.topic,
    taskId: t.id,
    processInstanceId: t.processInstanceId,
    activityId: t.activityId,
  });

  /**
   * Sends a new poll without dropping the pending one: aborting it could lose the tasks the engine has just
   * locked for it (they would wait for their lock to expire). The engine answers the older poll of the same
   * worker id itself (its tasks, or cancelled), and whatever it brings is still taken.
   */
  const wake = () => renewed?.();

  /**
   * Locks are short, so that the tasks of a worker that died (or of a long poll whose node died before it
   * answered) go to another worker within seconds; a handler that is still working renews its lock at half
   * time, so a slow outside call keeps its task instead of seeing it run a second time elsewhere.
   */
  async function runHoldingLock(worker: Worker, task: LockedTask) {
    const renew = setInterval(() => {
      api.extendLock(task.id, worker.lockDurationMs).catch((e) => {
        if (!taskNoLongerOurs(e)) deps.logger.warn({ ...ctxOf(task), err: faultOf(e).code }, 'lock not extended');
      });
    }, worker.lockDurationMs / 2);
    try {
      return await worker.run(task, deps);
    } finally {
      clearInterval(renew);
    }
  }

  async function handle(worker: Worker, task: LockedTask) {
    const started = performance.now();
    const done = (outcome: TaskOutcome) =>
      hooks.onTaskDone?.({ topic: task.topic, outcome, seconds: (performance.now() - started) / 1000 });
    let out;
    try {
      out = await runHoldingLock(worker, task);
    } catch (err) {
      const fault = faultOf(err);
      const { retries, retryTimeoutMs } = nextRetry(task, fault.retryable, deps.config.JOB_RETRY_BACKOFF_MS);
      done(retries ? 'failed' : 'incident');
      deps.logger.warn(
        { ...ctxOf(task), errorCode: fault.code, retries },
        retries ? 'task failed; will retry' : 'task failed; incident raised',
      );
      // The message is what Cockpit shows on the incident: the failing system's code first.
      await api.failure(task.id, `${fault.code}: ${fault.message}`, retries, retryTimeoutMs).catch((e) => {
        if (!taskNoLongerOurs(e))
          deps.logger.error({ ...ctxOf(task), err: faultOf(e).code }, 'failure not reported; the lock will expire');
      });
      if (retries > 0) {
        const t = setTimeout(() => {
          wakeTimers.delete(t);
          wake();
        }, retryTimeoutMs + 50);
        wakeTimers.add(t);
      }
      return;
    }
    done('completed');
    await api.complete(task.id, out).then(
      () => hooks.onCompleted?.(task),
      (e) => {
        // Completed already by an earlier delivery, or the instance moved on: the effects are keyed on the task id.
        if (taskNoLongerOurs(e)) deps.logger.info(ctxOf(task), 'task no longer ours at completion');
        else
          deps.logger.error(
            { ...ctxOf(task), err: faultOf(e).code },
            'completion not reported; the lock will expire and the task run again',
          );
      },
    );
  }

  let lostLocksWake: NodeJS.Timeout | undefined;
  /**
   * A poll that failed may have locked tasks on its node before it went (a node killed mid-answer): nobody
   * has them until their locks end, and the end of a lock wakes no long poll. So the poller asks again then.
   */
  function wakeWhenLostLocksEnd(asked: Worker[]) {
    if (lostLocksWake) return;
    lostLocksWake = setTimeout(
      () => {
        lostLocksWake = undefined;
        wake();
      },
      Math.max(...asked.map((w) => w.lockDurationMs)) + 250,
    );
  }

  const hasRoom = (t: Topic) => !t.waiting.length && t.running < t.worker.maxTasks;

  /** Starts the topic's waiting tasks while it has room. */
  function startWaiting(topic: Topic) {
    // Stopping, the tasks still waiting are left to their locks' expiry: another worker takes them then.
    while (!stopped && topic.waiting.length && topic.running < topic.worker.maxTasks) {
      const task = topic.waiting.shift()!;
      topic.running++;
      const p: Promise<void> = handle(topic.worker, task).finally(() => {
        running.delete(p);
        topic.running--;
        startWaiting(topic);
        slotFreed?.();
        if (!polled.has(topic.worker.topic) && hasRoom(topic)) wake();
      });
      running.add(p);
    }
  }

  function take(tasks: LockedTask[]) {
    for (const task of tasks) {
      const topic = byTopic.get(task.topic);
      if (!topic) continue; // not asked for; its lock expires and another worker takes it
      topic.waiting.push(task);
      startWaiting(topic);
    }
  }

  async function loop() {
    let failures = 0;
    while (!stopped) {
      const open = [...byTopic.values()].filter(hasRoom);
      polled = new Set(open.map((t) => t.worker.topic));
      if (!open.length) {
        await new Promise<void>((resolve) => {
          slotFreed = resolve;
        });
        slotFreed = undefined;
        continue;
      }
      const room = open.reduce((n, t) => n + t.worker.maxTasks - t.running, 0);
      const poll = new AbortController();
      inFlight.add(poll);
      const request = api
        .fetchAndLock(
          open.map((t) => t.worker),
          room,
          longPollMs,
          poll.signal,
        )
        .finally(() => inFlight.delete(poll));
      const renew = new Promise<'renew'>((resolve) => {
        renewed = () => resolve('renew');
      });
      let answer: LockedTask[] | 'renew';
      try {
        answer = await Promise.race([request, renew]);
        failures = 0;
      } catch (err) {
        if (stopped) continue;
        failures++;
        wakeWhenLostLocksEnd(open.map((t) => t.worker));
        // Under concurrency fetch-and-lock may answer 500 (optimistic locking): ask again at once the first time.
        if (failures > 1) {
          deps.logger.warn(
            { topics: [...polled], err: faultOf(err).code, failures },
            'fetch-and-lock failed; backing off',
          );
          await sleep(Math.min(250 * 2 ** failures, 5_000));
        }
        continue;
      } finally {
        renewed = undefined;
      }
      // Renewed: the older poll is answered by the engine (cancelled, or with tasks it locked meanwhile).
      if (answer === 'renew') request.then(take, () => undefined);
      else take(answer);
    }
  }

  const done = loop();
  return {
    async close() {
      stopped = true;
      for (const t of wakeTimers) clearTimeout(t);
      clearTimeout(lostLocksWake);
      for (const poll of inFlight) poll.abort();
      slotFreed?.();
      await done;
      // A last request that takes nothing, so the engine drops the long poll we abandoned.
      await api.fetchAndLock(workers, 0, 0).catch(() => undefined);
      await Promise.allSettled(running);
    },
  };
}

export type TaskPoller = ReturnType<typeof startTaskPoller>;
