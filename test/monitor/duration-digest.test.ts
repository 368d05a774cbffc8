import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digestCount, digestOf, mergeDigests, quantile } from '../../domain/monitor/duration-digest.js';

const exact = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.floor(q * (values.length - 1))]!;

describe('duration digests', () => {
  it('given any durations, the median and 90th percentile read from the digest are within 1 % of the observed ones', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 * 86_400_000 }), { minLength: 1, maxLength: 300 }), (ms) => {
        const d = digestOf(ms);
        for (const q of [0, 0.5, 0.9, 1]) {
          const want = exact(ms, q);
          expect(Math.abs(quantile(d, q)! - want)).toBeLessThanOrEqual(want * 0.01 + 1);
        }
      }),
    );
  });

  it('given days digested apart, merged they answer as the whole period digested at once (what a year view relies on)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.nat(10_000_000), { maxLength: 40 }), { minLength: 1, maxLength: 12 }),
        (days) => {
          const merged = days.map((d) => digestOf(d)).reduce((a, b) => mergeDigests(a, b), {});
          expect(merged).toEqual(digestOf(days.flat()));
          expect(digestCount(merged)).toBe(days.flat().length);
        },
      ),
    );
  });

  it('given nothing, there is no median; a gateway passed in no time has 0', () => {
    expect(quantile({}, 0.5)).toBeNull();
    expect(quantile(digestOf([0, 0, 0]), 0.5)).toBe(0);
  });
});
