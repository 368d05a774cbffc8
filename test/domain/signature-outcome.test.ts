import { describe, expect, it } from 'vitest';
import { SIGNING_TIME_SKEW_MS, validAt } from '../../domain/signature-outcome.js';

const notBefore = new Date('2026-01-01T00:00:00Z');
const notAfter = new Date('2027-01-01T00:00:00Z');
const day = 24 * 3600_000;
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

describe('the time a certificate is judged at', () => {
  it('given our clock inside the validity, when the signer claims no time or a time before ours inside it, then valid', () => {
    const at = new Date('2026-06-01T00:00:00Z');
    expect(validAt(at, notBefore, notAfter, null)).toBe(true);
    expect(validAt(at, notBefore, notAfter, plus(at, -day))).toBe(true);
    expect(validAt(at, notBefore, notAfter, plus(at, SIGNING_TIME_SKEW_MS))).toBe(true);
  });

  it('given our clock after the certificate expired, when the signer back-dates its signing time into the validity, then not valid', () => {
    const at = plus(notAfter, day);
    expect(validAt(at, notBefore, notAfter, plus(notAfter, -day))).toBe(false);
    expect(validAt(at, notBefore, notAfter, null)).toBe(false);
  });

  it('given our clock before the certificate begins, when the signer claims a time inside the validity, then not valid', () => {
    const at = plus(notBefore, -day);
    expect(validAt(at, notBefore, notAfter, plus(notBefore, day))).toBe(false);
  });

  it('given our clock inside the validity, when the claimed signing time contradicts it (after ours, or outside the validity), then not valid', () => {
    const at = new Date('2026-06-01T00:00:00Z');
    expect(validAt(at, notBefore, notAfter, plus(at, SIGNING_TIME_SKEW_MS + 1000))).toBe(false);
    expect(validAt(at, notBefore, notAfter, plus(notBefore, -day))).toBe(false);
  });
});
