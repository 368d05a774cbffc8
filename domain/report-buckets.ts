import { isValidJalaaliDate, toGregorian } from 'jalaali-js';
import { normalizeDigits } from './digits.js';
import { gregorianBucket, IRAN_TIME_ZONE, jalaliBucket, type BucketUnit } from './jalali-date.js';
import { fail, ok, type Result } from './result.js';

export type ReportCalendar = 'jalali' | 'gregorian';
export const BUCKET_UNITS: readonly BucketUnit[] = ['day', 'week', 'month', 'year'];

/** The period label of an instant, in Tehran time, in the calendar the supervisor asked for. */
export const bucketLabel = (date: Date, unit: BucketUnit, calendar: ReportCalendar) =>
  calendar === 'jalali' ? jalaliBucket(date, unit) : gregorianBucket(date, unit);

/**
 * Every label from `from` (inclusive) to `to` (exclusive), in order, empty periods included so a
 * chart has no gaps. Steps of six hours meet every day even across a daylight-saving change.
 */
export function bucketLabels(from: Date, to: Date, unit: BucketUnit, calendar: ReportCalendar): string[] {
  const labels: string[] = [];
  for (let t = from.getTime(); t < to.getTime(); t += 6 * 3_600_000) {
    const label = bucketLabel(new Date(t), unit, calendar);
    if (labels.at(-1) !== label) labels.push(label);
  }
  const last = to.getTime() > from.getTime() ? bucketLabel(new Date(to.getTime() - 1), unit, calendar) : undefined;
  if (last && labels.at(-1) !== last) labels.push(last);
  return labels;
}

const wallClock = new Intl.DateTimeFormat('en-US', {
  timeZone: IRAN_TIME_ZONE, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
});

/** How far Tehran's clock is ahead of UTC at an instant (+03:30, or +04:30 in the summers up to 1401). */
function tehranOffsetMs(t: number): number {
  const p = Object.fromEntries(wallClock.formatToParts(new Date(t)).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(t / 1000) * 1000;
}

/** The first instant of a Gregorian day in Tehran; the second pass settles days that begin at a clock change. */
export function tehranDayStart(gy: number, gm: number, gd: number): Date {
  const wall = Date.UTC(gy, gm - 1, gd);
  const first = wall - tehranOffsetMs(wall);
  return new Date(wall - tehranOffsetMs(first));
}

/**
 * A report day as the supervisor writes it: 2024-08-07 (Gregorian) or 1403/05/17 (Jalali, also
 * with Persian digits). Years before 1700 are read as Jalali. Returns the day's first instant in
 * Tehran and the next day's, so `to` can include its whole day.
 */
export function parseReportDay(input: string): Result<{ start: Date; next: Date }, 'report_date_format'> {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(normalizeDigits(input.trim()));
  if (!m) return fail('report_date_format');
  let [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1700) {
    if (!isValidJalaaliDate(y, mo, d)) return fail('report_date_format');
    ({ gy: y, gm: mo, gd: d } = toGregorian(y, mo, d));
  }
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return fail('report_date_format');
  const after = new Date(day.getTime() + 86_400_000);
  return ok({ start: tehranDayStart(y, mo, d), next: tehranDayStart(after.getUTCFullYear(), after.getUTCMonth() + 1, after.getUTCDate()) });
}
