import { normalizeDigits } from './digits.js';
import { gregorianBucket, IRAN_TIME_ZONE, jalaliBucket, parseJalaliDate, type BucketUnit } from './jalali-date.js';
import { fail, ok, type Result } from './result.js';

export type ReportCalendar = 'jalali' | 'gregorian';
export const BUCKET_UNITS: readonly BucketUnit[] = ['day', 'week', 'month', 'year'];

/** The period label of an instant, in Tehran time, in the calendar the supervisor asked for. */
export const bucketLabel = (date: Date, unit: BucketUnit, calendar: ReportCalendar) =>
  calendar === 'jalali' ? jalaliBucket(date, unit) : gregorianBucket(date, unit);

const DAY_MS = 86_400_000;

/** An instant inside the Tehran day of `date`: 08:00 UTC is 11:30 or 12:30 in Tehran, far from either midnight. */
function tehranMidday(date: Date): number {
  const [y, m, d] = gregorianBucket(date, 'day').split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d, 8);
}

/**
 * Every label from `from` (inclusive) to `to` (exclusive), in order, empty periods included so a
 * chart has no gaps. A label depends only on the Tehran day, so one look per day suffices; the
 * days are walked at midday, clear of the hour a daylight-saving change adds or takes away.
 */
export function bucketLabels(from: Date, to: Date, unit: BucketUnit, calendar: ReportCalendar): string[] {
  const labels: string[] = [];
  for (const day of tehranDays(from, to)) {
    const label = bucketLabel(day, unit, calendar);
    if (labels.at(-1) !== label) labels.push(label);
  }
  return labels;
}

/** An instant at midday of each Tehran day from `from` (inclusive) to `to` (exclusive). */
export function tehranDays(from: Date, to: Date): Date[] {
  const days: Date[] = [];
  if (to.getTime() <= from.getTime()) return days;
  const last = tehranMidday(new Date(to.getTime() - 1));
  for (let t = tehranMidday(from); t <= last; t += DAY_MS) days.push(new Date(t));
  return days;
}

const wallClock = new Intl.DateTimeFormat('en-US', {
  timeZone: IRAN_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** How far Tehran's clock is ahead of UTC at an instant (+03:30, or +04:30 in the summers up to 1401). */
function tehranOffsetMs(t: number): number {
  const p = Object.fromEntries(wallClock.formatToParts(new Date(t)).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year!, p.month! - 1, p.day, p.hour, p.minute, p.second) - Math.floor(t / 1000) * 1000;
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
  const text = normalizeDigits(input.trim());
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text);
  if (!m) return fail('report_date_format');
  let [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1700) {
    const jalali = parseJalaliDate(text);
    if (!jalali.ok) return fail('report_date_format');
    [y, mo, d] = jalali.value.iso.split('-').map(Number) as [number, number, number];
  }
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d)
    return fail('report_date_format');
  const after = new Date(day.getTime() + DAY_MS);
  return ok({
    start: tehranDayStart(y, mo, d),
    next: tehranDayStart(after.getUTCFullYear(), after.getUTCMonth() + 1, after.getUTCDate()),
  });
}

/**
 * The spans of time some Tehran days (YYYY-MM-DD, Gregorian) cover, consecutive days joined: what a query over a
 * scattered set of days (those the reports' roll-up does not hold) reads, span by span, through the index on time.
 */
export function dayWindows(days: string[]): { start: Date; next: Date }[] {
  const windows: { start: Date; next: Date }[] = [];
  for (const day of [...new Set(days)].sort()) {
    const bounds = parseReportDay(day);
    if (!bounds.ok) throw new Error(`not a day: ${day}`);
    const last = windows.at(-1);
    if (last && last.next.getTime() === bounds.value.start.getTime()) last.next = bounds.value.next;
    else windows.push({ ...bounds.value });
  }
  return windows;
}
