import { randomInt } from 'node:crypto';

export interface Random {
  next(): number;
  range(min: number, max: number): number;
  int(min: number, maxExclusive: number): number;
  /** An independent stream, so drawing more from one part of the picture does not shift another. */
  fork(): Random;
}

/**
 * mulberry32: small and reproducible, so a seed gives the same picture in tests. It only
 * shapes the noise; the answer itself comes from crypto.randomInt.
 */
export function createRandom(seed: number = randomInt(2 ** 32)): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    range: (min, max) => min + next() * (max - min),
    int: (min, maxExclusive) => min + Math.floor(next() * (maxExclusive - min)),
    fork: () => createRandom(Math.floor(next() * 2 ** 32)),
  };
}
