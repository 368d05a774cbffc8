import { DIGEST_GAMMA } from '../domain/monitor/duration-digest.js';

/**
 * domain/monitor/duration-digest.ts's bucket of a duration, in SQL, over an expression in milliseconds: 0 under
 * 1 ms, else 1 + ⌈log_γ ms⌉. Where PostgreSQL groups durations into a digest (the monitor's history reader, the
 * reports' roll-up), so the digests it makes merge with those made in Node.
 */
export const digestBucketSql = (ms: string) =>
  `(case when ${ms} < 1 then 0 else 1 + ceil(ln((${ms})::float8) / ln(${DIGEST_GAMMA}::float8))::int end)`;
