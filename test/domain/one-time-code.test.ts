import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveOtp, evaluateOtpHashAttempt, hashSecret, type OtpState } from '../../domain/one-time-code.js';

const pepper = 'test-pepper';
const now = new Date('2024-08-07T08:00:00Z');
const state = (overrides: Partial<OtpState> = {}): OtpState => ({
  storedHash: hashSecret('012345', pepper),
  expiresAt: new Date(now.getTime() + 120_000),
  consumedAt: null,
  attempts: 0,
  maxAttempts: 3,
  ...overrides,
});

describe('deriveOtp', () => {
  it('given many code ids, when derived, then each is six digits, leading zeros occur, and they spread', () => {
    const codes = Array.from({ length: 2000 }, () => deriveOtp(randomUUID(), pepper));
    expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true);
    expect(codes.some((c) => c.startsWith('0'))).toBe(true);
    expect(new Set(codes).size).toBeGreaterThan(1900);
  });

  it('given one code id, then the same digits every time, and others under another pepper', () => {
    const id = randomUUID();
    expect(deriveOtp(id, pepper)).toBe(deriveOtp(id, pepper));
    const ids = Array.from({ length: 20 }, () => randomUUID());
    expect(ids.filter((i) => deriveOtp(i, pepper) === deriveOtp(i, 'other')).length).toBeLessThan(2);
  });
});

describe('hashSecret', () => {
  it('given a secret, when hashed, then the HMAC is hex and depends on the pepper', () => {
    expect(hashSecret('123456', pepper)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecret('123456', pepper)).not.toBe(hashSecret('123456', 'other'));
  });
});

/** The entered code as the API hands it over: its HMAC, or null when it is not six digits. */
const entered = (code: string) => (/^\d{6}$/.test(code) ? hashSecret(code, pepper) : null);
const evaluateOtpAttempt = (s: OtpState, code: string, at: Date) => evaluateOtpHashAttempt(s, entered(code), at);

describe('evaluateOtpHashAttempt', () => {
  it('given the right code in time, when evaluated, then it is accepted', () => {
    expect(evaluateOtpAttempt(state(), '012345', now)).toBe('accepted');
  });

  it.each(['012346', '12345', 'abcdef', ''])('given %j, when evaluated, then it is wrong', (code) => {
    expect(evaluateOtpAttempt(state(), code, now)).toBe('wrong');
  });

  it('given the expiry instant has come, when evaluated, then it is expired even with the right code', () => {
    expect(evaluateOtpAttempt(state({ expiresAt: now }), '012345', now)).toBe('expired');
  });

  it('given the attempts are used up, when evaluated, then it is exhausted even with the right code', () => {
    expect(evaluateOtpAttempt(state({ attempts: 3 }), '012345', now)).toBe('exhausted');
    expect(evaluateOtpAttempt(state({ attempts: 2 }), '012345', now)).toBe('accepted');
  });

  it('given a code already consumed, when evaluated, then it is already used', () => {
    expect(evaluateOtpAttempt(state({ consumedAt: now }), '012345', now)).toBe('already_used');
  });
});
