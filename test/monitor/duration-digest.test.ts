import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDigest,
  addPacked,
  digestCount,
  digestOf,
  interpolatedQuantile,
  mergeDigests,
  packDigest,
  quantile,
} from '../../domain/monitor/duration-digest.js';
import { median } from '../../domain/registration-figures.js';

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

  it('given any durations, the median as percentile_cont takes it (the mean of the two middle ones) is within 1 %', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 * 86_400_000 }), { minLength: 1, maxLength: 300 }), (ms) => {
        const want = median(ms)!;
        expect(Math.abs(interpolatedQuantile(digestOf(ms), 0.5)! - want)).toBeLessThanOrEqual(want * 0.01);
      }),
    );
    expect(interpolatedQuantile(digestOf([1000, 3000]), 0.5)).toBeCloseTo(2000, -1);
    expect(interpolatedQuantile({}, 0.5)).toBeNull();
  });

  it('given days stored packed (bucket, count, …), added up they hold the same buckets as the digests merged', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat(10_000_000), { maxLength: 40 }), { maxLength: 12 }), (days) => {
        const packed = days.map((d) => packDigest(digestOf(d)));
        for (const p of packed) for (let i = 2; i < p.length; i += 2) expect(p[i]).toBeGreaterThan(p[i - 2]!);
        const sums = packed.reduce<number[]>((s, p) => addPacked(s, p), []);
        expect(sums).toEqual(addDigest([], digestOf(days.flat())));
      }),
    );
    expect(packDigest(digestOf([0, 1, 1]))).toEqual([0, 1, 1, 2]);
  });

  it('given nothing, there is no median; a gateway passed in no time has 0', () => {
    expect(quantile({}, 0.5)).toBeNull();
    expect(quantile(digestOf([0, 0, 0]), 0.5)).toBe(0);
  });
});
