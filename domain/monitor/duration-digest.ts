/**
 * A mergeable digest of durations: counts in logarithmic buckets, each bucket 2 % wider than the one
 * before (DDSketch's scheme), so any quantile read from it is within 1 % of a duration that was
 * observed. Days' digests merge by adding counts, which is what lets a year's median come from 365
 * stored days after the engine's raw history is gone.
 */
export type DurationDigest = Record<string, number>;

/** Each bucket's upper bound over its lower; the SQL that buckets durations in PostgreSQL uses the same. */
export const DIGEST_GAMMA = 1.02;
const GAMMA = DIGEST_GAMMA;
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

/**
 * A digest as the reports' roll-up stores it, where a year's page reads a thousand of them at once: bucket and count
 * in turn, buckets ascending ([3, 1, 240, 2] is one duration under 1.02² ms and two in bucket 240). Arrays of small
 * integers parse and add much faster than objects keyed by bucket.
 */
export type PackedDigest = number[];

/** Digests summed bucket by bucket, indexed by bucket (holes are empty buckets). */
export type DigestSums = number[];

export function packDigest(d: DurationDigest): PackedDigest {
  return Object.keys(d)
    .map(Number)
    .sort((a, b) => a - b)
    .flatMap((k) => [k, d[String(k)]!]);
}

export function addPacked(sums: DigestSums, packed: PackedDigest): DigestSums {
  for (let i = 0; i < packed.length; i += 2) sums[packed[i]!] = (sums[packed[i]!] ?? 0) + packed[i + 1]!;
  return sums;
}

export function addDigest(sums: DigestSums, d: DurationDigest): DigestSums {
  for (const k in d) sums[Number(k)] = (sums[Number(k)] ?? 0) + d[k]!;
  return sums;
}

export const digestCount = (d: DurationDigest) => Object.values(d).reduce((a, b) => a + b, 0);

/**
 * The q-quantile (0 ≤ q ≤ 1) in milliseconds, or null for an empty digest: the observation of rank
 * ⌊q·(n−1)⌋ in ascending order (the lower median for an even count), to within 1 %.
 */
export function quantile(d: DurationDigest, q: number): number | null {
  const n = digestCount(d);
  if (!n) return null;
  return valueAtRank(d, Math.floor(q * (n - 1)));
}

/** The observation of the given rank (0 = the shortest), to within 1 %. */
function valueAtRank(d: DurationDigest, rank: number): number | null {
  let seen = 0;
  for (const k of Object.keys(d)
    .map(Number)
    .sort((a, b) => a - b)) {
    seen += d[String(k)]!;
    if (seen > rank) return valueOf(k);
  }
  return null;
}

/**
 * The q-quantile as PostgreSQL's percentile_cont takes it (the median of an even count is the mean of the two
 * middle observations), in milliseconds, or null for an empty digest. Each of the two observations is read to
 * within 1 % and the result lies between them in the same proportion, so it too is within 1 % of the exact one.
 */
export function interpolatedQuantile(d: DurationDigest, q: number): number | null {
  return interpolatedQuantileOfSums(addDigest([], d), q);
}

/** The same of summed digests, walking the buckets in order. */
export function interpolatedQuantileOfSums(sums: DigestSums, q: number): number | null {
  let n = 0;
  for (const c of sums) n += c ?? 0;
  if (!n) return null;
  const at = q * (n - 1);
  const valueAt = (rank: number) => {
    let seen = 0;
    for (let k = 0; k < sums.length; k++) {
      seen += sums[k] ?? 0;
      if (seen > rank) return valueOf(k);
    }
    return valueOf(sums.length - 1);
  };
  const [lo, hi] = [valueAt(Math.floor(at)), valueAt(Math.ceil(at))];
  return lo + (hi - lo) * (at - Math.floor(at));
}
