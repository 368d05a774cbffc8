import { performance } from 'node:perf_hooks';

export interface LevelResult {
  concurrency: number;
  /** Registrations finished inside the measuring window, per second of it. */
  perSecond: number;
  completed: number;
  errors: string[];
  windowSeconds: number;
}

/**
 * A closed loop: `concurrency` registrations in flight, each replaced as it ends, for `windowMs`;
 * then no new ones, and those in flight are given `drainMs` to end (they count as errors if they do not).
 * Throughput is counted over the window only, so the ramp at the end does not flatter it.
 */
export async function runClosedLoop(concurrency: number, windowMs: number, drainMs: number, one: () => Promise<void>): Promise<LevelResult> {
  const errors: string[] = [];
  let completed = 0;
  const t0 = performance.now();
  const end = t0 + windowMs;
  async function lane() {
    while (performance.now() < end) {
      try {
        await one();
        if (performance.now() <= end) completed++;
      } catch (err) {
        errors.push((err as Error).message);
      }
    }
  }
  const lanes = Promise.all(Array.from({ length: concurrency }, lane));
  let timer: NodeJS.Timeout | undefined;
  const drained = await Promise.race([
    lanes.then(() => true),
    new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(false), windowMs + drainMs); }),
  ]);
  clearTimeout(timer);
  if (!drained) errors.push(`registrations still running ${drainMs} ms after the window closed`);
  return { concurrency, perSecond: completed / (windowMs / 1000), completed, errors, windowSeconds: windowMs / 1000 };
}
