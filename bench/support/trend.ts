/** Ordinary least-squares slope of y over x (NaN with fewer than 3 points). */
function slope(points: readonly [number, number][]): number {
  const pts = points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  const n = pts.length;
  if (n < 3) return Number.NaN;
  const mx = pts.reduce((a, [x]) => a + x, 0) / n;
  const my = pts.reduce((a, [, y]) => a + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of pts) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  }
  return sxx ? sxy / sxx : Number.NaN;
}

/**
 * The lowest value of each window of `windowSeconds`: a collected heap's floor. A heap saws up between
 * collections and down at each, so its raw samples' slope says more about where the last collection fell
 * than about what survives them. A window with no more than half the samples of the fullest (the run's last,
 * cut short) is left out: its one or two samples are no floor.
 */
export function floors(points: readonly [number, number][], windowSeconds: number): [number, number][] {
  const byWindow = new Map<number, { low: [number, number]; n: number }>();
  for (const p of points) {
    if (!Number.isFinite(p[1])) continue;
    const w = Math.floor(p[0] / windowSeconds);
    const cur = byWindow.get(w);
    if (!cur) byWindow.set(w, { low: p, n: 1 });
    else {
      cur.n++;
      if (p[1] < cur.low[1]) cur.low = p;
    }
  }
  const fullest = Math.max(0, ...[...byWindow.values()].map((w) => w.n));
  return [...byWindow.values()].filter((w) => w.n * 2 > fullest).map((w) => w.low);
}

export interface TrendRule {
  /** Growing when the slope per hour exceeds this much, in the series' unit … */
  absolutePerHour: number;
  /** … and this fraction of the series' mean per hour. */
  relativePerHour: number;
  /** Heaps: the slope of each window's floor rather than of every sample. */
  floorWindowSeconds?: number;
}

export interface Trend {
  perHour: number;
  mean: number;
  first: number;
  last: number;
  verdict: 'flat' | 'growing' | 'shrinking' | 'no data';
}

/** The slope over the second half of the run (past the warm-up): points are [seconds since start, value]. */
export function trendOf(points: readonly [number, number][], rule: TrendRule, runSeconds: number): Trend {
  const half = points.filter(([t, v]) => t >= runSeconds / 2 && Number.isFinite(v));
  // A short trial run still gets a dozen windows to fit.
  const window = rule.floorWindowSeconds && Math.min(rule.floorWindowSeconds, runSeconds / 24);
  const fitted = window ? floors(half, window) : half;
  const perHour = slope(fitted) * 3600;
  const mean = half.reduce((a, [, v]) => a + v, 0) / half.length;
  const threshold = Math.max(rule.absolutePerHour, rule.relativePerHour * mean);
  const verdict = !Number.isFinite(perHour)
    ? 'no data'
    : perHour > threshold
      ? 'growing'
      : perHour < -threshold
        ? 'shrinking'
        : 'flat';
  return { perHour, mean, first: half[0]?.[1] ?? Number.NaN, last: half.at(-1)?.[1] ?? Number.NaN, verdict };
}
