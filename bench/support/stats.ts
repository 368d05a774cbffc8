/** Nearest-rank percentile of sorted values (ms); NaN when there are none. */
function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : Number.NaN;
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean,
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** Durations collected under names (a request's route, a step of the process). */
export function samples() {
  const by = new Map<string, number[]>();
  return {
    add(name: string, ms: number) {
      let list = by.get(name);
      if (!list) by.set(name, (list = []));
      list.push(ms);
    },
    summaries(): [string, Summary][] {
      return [...by].map(([name, values]) => [name, summarize(values)]);
    },
  };
}

export type Samples = ReturnType<typeof samples>;

export const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : '–');
