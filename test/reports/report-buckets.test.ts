import { describe, expect, it } from 'vitest';
import { bucketLabels, dayWindows, parseReportDay, tehranDayStart } from '../../domain/report-buckets.js';

describe('the first instant of a Tehran day', () => {
  it('given a day after 1401 (no daylight saving), then 00:00 at +03:30', () => {
    expect(tehranDayStart(2023, 3, 21).toISOString()).toBe('2023-03-20T20:30:00.000Z');
  });

  it('given a summer day of 1400 (daylight saving, +04:30), then 00:00 at +04:30', () => {
    expect(tehranDayStart(2021, 7, 1).toISOString()).toBe('2021-06-30T19:30:00.000Z');
  });
});

describe('report days as the supervisor writes them', () => {
  it('given Jalali and Gregorian spellings of one day, then the same Tehran day', () => {
    const jalali = parseReportDay('۱۴۰۲/۰۱/۰۱');
    const gregorian = parseReportDay('2023-03-21');
    expect(jalali).toEqual(gregorian);
    expect(jalali.ok && jalali.value.start.toISOString()).toBe('2023-03-20T20:30:00.000Z');
    expect(jalali.ok && jalali.value.next.toISOString()).toBe('2023-03-21T20:30:00.000Z');
  });

  it.each(['1402/13/01', '1401/12/30', '2023-02-29', '2023/3', 'yesterday', ''])('given %s, then refused', (text) => {
    expect(parseReportDay(text)).toEqual({ ok: false, code: 'report_date_format' });
  });
});

describe('the periods of a report', () => {
  const from = new Date('2023-03-18T20:30:00Z'); // 1401/12/28 00:00 Tehran
  const to = new Date('2023-03-22T20:30:00Z'); // up to the end of 1402/01/02

  it('given four days across Nowruz, then four days in each calendar', () => {
    expect(bucketLabels(from, to, 'day', 'jalali')).toEqual(['1401/12/28', '1401/12/29', '1402/01/01', '1402/01/02']);
    expect(bucketLabels(from, to, 'day', 'gregorian')).toEqual([
      '2023-03-19',
      '2023-03-20',
      '2023-03-21',
      '2023-03-22',
    ]);
  });

  it('given months and years, then the Jalali year changes and the Gregorian does not', () => {
    expect(bucketLabels(from, to, 'month', 'jalali')).toEqual(['1401/12', '1402/01']);
    expect(bucketLabels(from, to, 'year', 'jalali')).toEqual(['1401', '1402']);
    expect(bucketLabels(from, to, 'month', 'gregorian')).toEqual(['2023-03']);
    expect(bucketLabels(from, to, 'year', 'gregorian')).toEqual(['2023']);
  });

  it('given weeks, then labelled by their Saturday in either calendar', () => {
    expect(bucketLabels(from, to, 'week', 'gregorian')).toEqual(['2023-03-18']);
    expect(bucketLabels(from, to, 'week', 'jalali')).toEqual(['1401/12/27']);
  });
});

describe('the spans of time some Tehran days cover', () => {
  const iso = (w: { start: Date; next: Date }[]) => w.map((x) => [x.start.toISOString(), x.next.toISOString()]);

  it('given days in any order with gaps, then one span per run of consecutive days', () => {
    expect(iso(dayWindows(['2023-03-23', '2023-03-20', '2023-03-21', '2023-03-21']))).toEqual([
      ['2023-03-19T20:30:00.000Z', '2023-03-21T20:30:00.000Z'],
      ['2023-03-22T20:30:00.000Z', '2023-03-23T20:30:00.000Z'],
    ]);
    expect(dayWindows([])).toEqual([]);
  });

  it('given the days around the end of summer time in 1399, then the 25-hour day is whole', () => {
    expect(iso(dayWindows(['2020-09-20', '2020-09-21', '2020-09-22']))).toEqual([
      ['2020-09-19T19:30:00.000Z', '2020-09-22T20:30:00.000Z'],
    ]);
  });
});
