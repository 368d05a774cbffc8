import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * An open loop: a new registration every 1/`perSecond` s for `durationMs`, whatever the ones before are doing
 * (applicants do not wait for each other), so a slowing stack shows as registrations piling up in flight, not
 * as a lower rate. At most `maxInFlight` at once: past that a start is skipped and counted, so an hour of
 * overload stays bounded. After the window, those in flight get `drainMs` to end; those that do not are lost.
 */
export function openLoop(perSecond: number, durationMs: number, drainMs: number, maxInFlight: number) {
  const counts = { started: 0, finished: 0, errors: 0, inFlight: 0, skipped: 0 };
  const errorsByMessage = new Map<string, number>();
  const durationsMs: number[] = [];
  return {
    counts,
    errorsByMessage,
    durationsMs,
    async run(one: () => Promise<void>) {
      const t0 = performance.now();
      const running = new Set<Promise<void>>();
      for (let i = 0; ; i++) {
        const due = t0 + (i * 1000) / perSecond;
        if (due >= t0 + durationMs) break;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        if (counts.inFlight >= maxInFlight) {
          counts.skipped++;
          continue;
        }
        counts.started++;
        counts.inFlight++;
        const began = performance.now();
        const p = one().then(
          () => {
            counts.finished++;
            durationsMs.push(performance.now() - began);
          },
          (err: Error) => {
            counts.errors++;
            const key = err.message.slice(0, 120);
            errorsByMessage.set(key, (errorsByMessage.get(key) ?? 0) + 1);
          },
        );
        const tracked = p.finally(() => {
          counts.inFlight--;
          running.delete(tracked);
        });
        running.add(tracked);
      }
      const drained = await Promise.race([Promise.all(running).then(() => true), sleep(drainMs).then(() => false)]);
      return { drained, lost: drained ? 0 : counts.inFlight };
    },
  };
}
