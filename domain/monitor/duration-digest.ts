/**
 * A mergeable digest of durations: counts in logarithmic buckets, each bucket 2 % wider than the one
 * before (DDSketch's scheme), so any quantile read from it is within 1 % of a duration that was
 * observed. Days' digests merge by adding counts, which is what lets a year's median come from 365
 * stored days after the engine's raw history is gone.
 */
export type DurationDigest = Record<string, number>;

const GAMMA = 1.02;
const LN_GAMMA = Math.log(GAMMA);

/** The bucket of a duration in milliseconds: 0 for under 1 ms, else 1 + ⌈log_γ d⌉ (the same formula as the SQL reader's). */
function bucketOf(ms: number): number {
  return ms < 1 ? 0 : 1 + Math.ceil(Math.log(ms) / LN_GAMMA);
}

/** A bucket's representative duration: the point of least relative error in (γ^(k-2), γ^(k-1)]. */
function valueOf(bucket: number): number {
  return bucket === 0 ? 0 : (2 * GAMMA ** (bucket - 1)) / (GAMMA + 1);
}

export function digestOf(durationsMs: Iterable<number>): DurationDigest {
  const d: DurationDigest = {};
  for (const ms of durationsMs) {
    const k = String(bucketOf(ms));
    d[k] = (d[k] ?? 0) + 1;
  }
  return d;
}

export function mergeDigests(into: DurationDigest, from: DurationDigest): DurationDigest {
  for (const [k, n] of Object.entries(from)) into[k] = (into[k] ?? 0) + n;
  return into;
}

export const digestCount = (d: DurationDigest) => Object.values(d).reduce((a, b) => a + b, 0);

/**
 * The q-quantile (0 ≤ q ≤ 1) in milliseconds, or null for an empty digest: the observation of rank
 * ⌊q·(n−1)⌋ in ascending order (the lower median for an even count), to within 1 %.
 */
export function quantile(d: DurationDigest, q: number): number | null {
  const n = digestCount(d);
  if (!n) return null;
  const rank = Math.floor(q * (n - 1));
  let seen = 0;
  for (const k of Object.keys(d)
    .map(Number)
    .sort((a, b) => a - b)) {
    seen += d[String(k)]!;
    if (seen > rank) return valueOf(k);
  }
  return null;
}
