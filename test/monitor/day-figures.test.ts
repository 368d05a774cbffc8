import { describe, expect, it } from 'vitest';
import { wholeMonths } from '../../domain/monitor/day-figures.js';

const daysFrom = (first: string, n: number) =>
  Array.from({ length: n }, (_, i) =>
    new Date(Date.parse(`${first}T12:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
  );

describe('the whole months of a period, read from the monthly merge', () => {
  it('given 20 January to 5 April 2024, then February (29 days, a leap year) and March whole, the rest as days', () => {
    const { months, days } = wholeMonths(daysFrom('2024-01-20', 77));
    expect(months).toEqual(['2024-02', '2024-03']);
    expect(days).toEqual([...daysFrom('2024-01-20', 12), ...daysFrom('2024-04-01', 5)]);
  });

  it('given a month with a day missing, then its days one by one', () => {
    const june = daysFrom('2025-06-01', 30);
    expect(wholeMonths(june)).toEqual({ months: ['2025-06'], days: [] });
    expect(wholeMonths(june.filter((d) => d !== '2025-06-15'))).toMatchObject({ months: [] });
  });
});
