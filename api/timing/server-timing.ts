import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';

/** Durations of one request's parts, by name; summed when a part runs more than once. */
export type Timings = Map<string, number>;

const current = new AsyncLocalStorage<Timings>();

/** Runs `next` with a fresh record of timings for everything it awaits (one request). */
export function withTimings(record: Timings, next: () => void) {
  current.run(record, next);
}

/**
 * Runs `fn` and adds its duration to the current request's record under `name`, when one is kept
 * (SERVER_TIMING on); otherwise it just runs `fn`.
 */
export async function timed<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const record = current.getStore();
  if (!record) return fn();
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    record.set(name, (record.get(name) ?? 0) + performance.now() - t0);
  }
}

/** The `Server-Timing` header's value (W3C Server Timing): `name;dur=ms` per part. */
export const serverTimingHeader = (record: Timings) =>
  [...record].map(([name, ms]) => `${name};dur=${ms.toFixed(1)}`).join(', ');

/** `Server-Timing: hash;dur=12.3, engine;dur=4.5` → { hash: 12.3, engine: 4.5 }. */
export function parseServerTiming(header: string | null): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const m = /^\s*([\w-]+)\s*;\s*dur=([\d.]+)/.exec(part);
    if (m) out.set(m[1]!, Number(m[2]));
  }
  return out;
}
