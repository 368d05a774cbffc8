import { performance } from 'node:perf_hooks';

export interface LevelResult {
  concurrency: number;
  /** Registrations finished inside the measuring window, per second of it. */
  perSecond: number;
  completed: number;
  /** Every registration that ended well in the level, ramp and drain included: what its CPU time was spent on. */
  finished: number;
  errors: string[];
  windowSeconds: number;
}

/**
 * A closed loop: `concurrency` registrations in flight, each replaced as it ends, for `windowMs`;
 * then no new ones, and those in flight are given `drainMs` to end (they count as errors if they do not).
 * Throughput counts the registrations that end after the first `rampMs` (when all lanes start at once
 * and none has ended yet) and inside the window: the steady state, not the ramp at either end.
 */
export async function runClosedLoop(
  concurrency: number,
  windowMs: number,
  rampMs: number,
  drainMs: number,
  one: () => Promise<void>,
): Promise<LevelResult> {
  const errors: string[] = [];
  let completed = 0;
  let finished = 0;
  const t0 = performance.now();
  const end = t0 + windowMs;
  const from = t0 + rampMs;
  async function lane() {
    while (performance.now() < end) {
      try {
        await one();
        const at = performance.now();
        finished++;
        if (at >= from && at <= end) completed++;
      } catch (err) {
        errors.push((err as Error).message);
      }
    }
  }
  const lanes = Promise.all(Array.from({ length: concurrency }, lane));
  let timer: NodeJS.Timeout | undefined;
  const drained = await Promise.race([
    lanes.then(() => true),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), windowMs + drainMs);
    }),
  ]);
  clearTimeout(timer);
  if (!drained) errors.push(`registrations still running ${drainMs} ms after the window closed`);
  const counted = (windowMs - rampMs) / 1000;
  return { concurrency, perSecond: completed / counted, completed, finished, errors, windowSeconds: counted };
}
