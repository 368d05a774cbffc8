import { describe, expect, it } from 'vitest';
import { afterFailure, KEYCLOAK_DEFAULTS, lockedUntil, type FailureRecord } from '../../domain/brute-force.js';

const t0 = new Date('2026-01-10T08:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

/** n failures, `gap` seconds apart, starting at t0. */
function fail(n: number, gap = 2, from?: FailureRecord, start = 0) {
  let r = from;
  for (let i = 0; i < n; i++) r = afterFailure(r, at(start + i * gap), KEYCLOAK_DEFAULTS);
  return r!;
}

describe('brute-force rule (Keycloak defaults)', () => {
  it('given 29 slow failures, then nothing is locked', () => {
    const r = fail(29);
    expect(r.failures).toBe(29);
    expect(lockedUntil(r, at(58))).toBeNull();
  });

  it('given the 30th failure, then the name waits waitIncrement (60 s) from that failure', () => {
    const r = fail(30);
    expect(r.lockedUntil).toEqual(at(58 + 60));
    expect(lockedUntil(r, at(100))).toEqual(at(118));
    expect(lockedUntil(r, at(118))).toBeNull();
  });

  it('given 60 failures, then the wait is two increments; and it never passes 15 minutes', () => {
    expect(fail(60).lockedUntil).toEqual(at(118 + 120));
    const many = fail(30 * 20, 2);
    expect(many.lockedUntil!.getTime() - many.lastFailureAt.getTime()).toBe(900_000);
  });

  it('given two failures within a second, then the quick-login wait (60 s) applies', () => {
    const r = afterFailure(
      afterFailure(undefined, at(0), KEYCLOAK_DEFAULTS),
      new Date(t0.getTime() + 500),
      KEYCLOAK_DEFAULTS,
    );
    expect(r.lockedUntil).toEqual(new Date(t0.getTime() + 60_500));
  });

  it('given the first failure ever, then no quick-login wait (there is no previous failure)', () => {
    expect(afterFailure(undefined, t0, KEYCLOAK_DEFAULTS).lockedUntil).toBeNull();
  });

  it('given 12 hours of quiet after 29 failures, then the count starts again', () => {
    const r = afterFailure(fail(29), at(56 + 12 * 3600 + 1), KEYCLOAK_DEFAULTS);
    expect(r.failures).toBe(1);
    expect(r.lockedUntil).toBeNull();
  });

  it('given a later, shorter wait, then an earlier longer lock is kept', () => {
    const locked: FailureRecord = { failures: 1, lastFailureAt: at(0), lockedUntil: at(600) };
    expect(afterFailure(locked, at(0.5), KEYCLOAK_DEFAULTS).lockedUntil).toEqual(at(600));
  });
});
