/**
 * Keycloak's brute-force detection (DefaultBruteForceProtector), as a pure rule over one
 * username's failure record. Every `failureFactor` failures add `waitIncrement` to the wait, up
 * to `maxWait`; two failures closer than `quickLoginCheck` earn at least `minimumQuickLoginWait`;
 * a failure after `maxDeltaTime` of quiet starts the count again; a success clears the record.
 */
export interface BruteForcePolicy {
  failureFactor: number;
  waitIncrementMs: number;
  maxWaitMs: number;
  quickLoginCheckMs: number;
  minimumQuickLoginWaitMs: number;
  maxDeltaTimeMs: number;
}

export interface FailureRecord {
  failures: number;
  lastFailureAt: Date;
  lockedUntil: Date | null;
}

/** Keycloak's defaults. */
export const KEYCLOAK_DEFAULTS: BruteForcePolicy = {
  failureFactor: 30,
  waitIncrementMs: 60_000,
  maxWaitMs: 900_000,
  quickLoginCheckMs: 1_000,
  minimumQuickLoginWaitMs: 60_000,
  maxDeltaTimeMs: 12 * 3_600_000,
};

/** When a login may be tried again, or null when it may be tried now. */
export function lockedUntil(record: FailureRecord | undefined, now: Date): Date | null {
  return record?.lockedUntil && record.lockedUntil > now ? record.lockedUntil : null;
}

export function afterFailure(record: FailureRecord | undefined, now: Date, policy: BruteForcePolicy): FailureRecord {
  const delta = record ? now.getTime() - record.lastFailureAt.getTime() : 0;
  const forgotten = !record || delta > policy.maxDeltaTimeMs;
  const failures = (forgotten ? 0 : record.failures) + 1;
  let waitMs = policy.waitIncrementMs * Math.floor(failures / policy.failureFactor);
  // As Keycloak: the quick-login rule applies only while the count alone asks for no wait.
  if (waitMs === 0 && record && delta < policy.quickLoginCheckMs) waitMs = policy.minimumQuickLoginWaitMs;
  waitMs = Math.min(waitMs, policy.maxWaitMs);
  const previous = forgotten ? null : record.lockedUntil;
  const until = waitMs > 0 ? new Date(now.getTime() + waitMs) : null;
  return { failures, lastFailureAt: now, lockedUntil: until && (!previous || until > previous) ? until : previous };
}
