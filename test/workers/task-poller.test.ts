import { getEventListeners } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExternalTasks, LockedTask, TopicSubscription } from '../../adapters/engine/external-tasks.js';
import { createProcessEngine } from '../../adapters/engine/process-engine.js';
import { loadConfig } from '../../config/config.js';
import type { Worker } from '../../workers/support/define-worker.js';
import { startTaskPoller, type TaskPoller } from '../../workers/support/task-poller.js';
import type { WorkerDeps } from '../../workers/support/worker-deps.js';

/**
 * The engine's external-task calls as the engine answers them: a long poll answers when a task of an
 * asked topic is there (up to maxTasks), or when the wait ends; a dropped poll answers nothing.
 */
function fakeEngine() {
  const open: LockedTask[] = [];
  const polls: string[][] = [];
  const completed: string[] = [];
  let arrived: (() => void) | undefined;
  let replaced: (() => void) | undefined;
  let n = 0;
  const api = {
    async fetchAndLock(subs: TopicSubscription[], maxTasks: number, waitMs: number, signal?: AbortSignal) {
      const topics = subs.map((s) => s.topic);
      if (maxTasks > 0) polls.push(topics);
      // The engine runs with unique worker requests: a worker's new poll ends its pending one.
      replaced?.();
      let gone = false;
      const ended = new Promise<void>((r) => {
        replaced = () => {
          gone = true;
          r();
        };
      });
      const deadline = Date.now() + waitMs;
      for (;;) {
        if (signal?.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
        if (gone) throw new Error('engine 503: the request was replaced by a newer one of the same worker');
        const mine = open.filter((t) => topics.includes(t.topic)).slice(0, maxTasks);
        if (mine.length || Date.now() >= deadline) {
          for (const t of mine) open.splice(open.indexOf(t), 1);
          return mine;
        }
        await Promise.race([
          new Promise<void>((r) => {
            arrived = r;
          }),
          ended,
          sleep(Math.max(deadline - Date.now(), 0)),
          new Promise((r) => signal?.addEventListener('abort', r)),
        ]);
      }
    },
    async complete(taskId: string) {
      completed.push(taskId);
    },
    async failure() {},
    async extendLock() {},
  } as unknown as ExternalTasks;
  return {
    api,
    polls,
    completed,
    create(topic: string) {
      const task = {
        id: `${topic}-${++n}`,
        topic,
        activityId: 'a',
        processInstanceId: 'p',
        processDefinitionKey: 'k',
        businessKey: null,
        retries: null,
        variables: {},
        properties: {},
      };
      open.push(task);
      arrived?.();
      return task.id;
    },
  };
}

/** A worker whose tasks run until the test lets each go. */
function heldWorker(topic: string, maxTasks: number) {
  const running: { id: string; release: () => void }[] = [];
  const worker: Worker = {
    topic,
    variables: [],
    lockDurationMs: 30_000,
    maxTasks,
    run: (task) => new Promise((resolve) => running.push({ id: task.id, release: () => resolve({}) })),
  };
  return { worker, running };
}

const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 200 && !check(); i++) await sleep(10);
  if (!check()) throw new Error(`never: ${what}`);
};

describe('the workers poll the engine once for all their topics', () => {
  const deps = { config: loadConfig(), logger: pino({ level: 'silent' }) } as WorkerDeps;
  let poller: TaskPoller | undefined;
  afterEach(async () => {
    await poller?.close();
    poller = undefined;
  });

  it("one long poll asks for every topic, and each task goes to its own topic's worker", async () => {
    const engine = fakeEngine();
    const a = heldWorker('captcha-check', 2);
    const b = heldWorker('shahkar-inquiry', 2);
    poller = startTaskPoller([a.worker, b.worker], engine.api, deps, 20_000);
    await until(() => engine.polls.length === 1, 'the first poll');
    expect(engine.polls[0]).toEqual(['captcha-check', 'shahkar-inquiry']);

    const captcha = engine.create('captcha-check');
    const shahkar = engine.create('shahkar-inquiry');
    await until(() => a.running.length + b.running.length === 2, 'both tasks running');
    expect(a.running.map((r) => r.id)).toEqual([captcha]);
    expect(b.running.map((r) => r.id)).toEqual([shahkar]);
    for (const r of [...a.running, ...b.running]) r.release();
    await until(() => engine.completed.length === 2, 'both completed');
    expect(engine.completed.sort()).toEqual([captcha, shahkar].sort());
  });

  it('a topic runs at most its maxTasks at once; the poll leaves it out while it is full and asks for it again as soon as a task ends', async () => {
    const engine = fakeEngine();
    const a = heldWorker('otp-send', 1);
    const b = heldWorker('otp-check', 1);
    poller = startTaskPoller([a.worker, b.worker], engine.api, deps, 20_000);
    await until(() => engine.polls.length === 1, 'the first poll');

    const first = engine.create('otp-send');
    await until(() => a.running.length === 1, 'the first task running');
    // Full: the next poll (pending for up to 20 s) asks for the other topic only.
    await until(() => engine.polls.length === 2, 'the next poll');
    expect(engine.polls[1]).toEqual(['otp-check']);
    const second = engine.create('otp-send');
    await sleep(100);
    expect(a.running.map((r) => r.id)).toEqual([first]);

    a.running[0]!.release();
    // Room again: a new poll asks for the topic, well before the pending one's 20 s are up.
    await until(() => a.running.length === 2, 'the second task running');
    expect(a.running[1]!.id).toBe(second);
    expect(engine.polls.slice(2).some((topics) => topics.includes('otp-send'))).toBe(true);
    a.running[1]!.release();
    await until(() => engine.completed.length === 2, 'both completed');
    expect(engine.completed).toEqual([first, second]);
  });

  it('thousands of polls over real HTTP leave no pile of abort listeners on the signals they are given', async () => {
    // An engine with nothing to do: every poll answers at once with no task.
    const engine = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => res.setHeader('content-type', 'application/json').end('[]'));
    });
    await new Promise<void>((r) => engine.listen(0, '127.0.0.1', r));
    const api = createProcessEngine({
      url: `http://127.0.0.1:${(engine.address() as AddressInfo).port}/engine-rest`,
      user: 'svc',
      password: 'secret',
    }).externalTasks('worker-1');
    let polls = 0;
    let most = 0;
    const counting = {
      ...api,
      fetchAndLock: (subs: TopicSubscription[], maxTasks: number, waitMs: number, signal?: AbortSignal) => {
        polls++;
        // fetch removes its listener only when the request is garbage-collected: a signal shared by every
        // poll gathers them (Node warns past 10; a ceiling benchmark saw more than 1,500).
        if (signal) most = Math.max(most, getEventListeners(signal, 'abort').length);
        return api.fetchAndLock(subs, maxTasks, waitMs, signal);
      },
    } as ExternalTasks;
    try {
      poller = startTaskPoller([heldWorker('captcha-check', 1).worker], counting, deps, 0);
      for (let i = 0; i < 600 && polls < 1_500; i++) await sleep(50);
      expect(polls).toBeGreaterThanOrEqual(1_500);
      expect(most).toBeLessThanOrEqual(1);
    } finally {
      await poller?.close();
      poller = undefined;
      engine.close();
    }
  });
});
