import { isValidJalaaliDate, toGregorian, toJalaali } from 'jalaali-js';
import { fail, ok, type Result } from './result.js';
import { normalizeDigits } from './digits.js';

export const BIRTH_DATE_ERRORS = [
  'birth_date_format',
  'birth_date_invalid',
  'birth_date_future',
  'birth_date_too_young',
  'birth_date_too_old',
] as const;
export type BirthDateError = (typeof BIRTH_DATE_ERRORS)[number];

export interface JalaliParts {
  jy: number;
  jm: number;
  jd: number;
}

export interface JalaliDate extends JalaliParts {
  /** The same day in the Gregorian calendar, YYYY-MM-DD. */
  iso: string;
  /** Zero-padded Jalali text, YYYY/MM/DD, as Iranian forms and records write it. */
  text: string;
}

export type BucketUnit = 'day' | 'week' | 'month' | 'year';

/**
 * Calendar days are taken in Iran's time zone: a request made at 01:00 Tehran time belongs to
 * that Tehran day although it is still the previous day in UTC. Intl's zone data also covers
 * the daylight saving Iran kept until 1401.
 */
export const IRAN_TIME_ZONE = 'Asia/Tehran';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const formatters = new Map<string, Intl.DateTimeFormat>();
function localDay(date: Date, timeZone: string): { gy: number; gm: number; gd: number } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(date);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { gy: part('year'), gm: part('month'), gd: part('day') };
}

/** Accepts 1370/01/15, 1370-1-15 and the same with Persian or Arabic digits. */
export function parseJalaliDate(input: string): Result<JalaliDate, 'birth_date_format' | 'birth_date_invalid'> {
  const match = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(normalizeDigits(input).replace(/\s+/g, ''));
  if (!match) return fail('birth_date_format');
  const [jy, jm, jd] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isValidJalaaliDate(jy, jm, jd)) return fail('birth_date_invalid');
  const { gy, gm, gd } = toGregorian(jy, jm, jd);
  return ok({
    jy,
    jm,
    jd,
    iso: `${pad(gy, 4)}-${pad(gm)}-${pad(gd)}`,
    text: `${pad(jy, 4)}/${pad(jm)}/${pad(jd)}`,
  });
}

export interface BirthDateLimits {
  minAgeYears?: number;
  maxAgeYears?: number;
}

/** Completed Jalali years: a birthday counts on its Jalali anniversary, as Iranian law counts age. */
function ageInYears(birth: JalaliParts, today: JalaliParts): number {
  const beforeBirthday = today.jm < birth.jm || (today.jm === birth.jm && today.jd < birth.jd);
  return today.jy - birth.jy - (beforeBirthday ? 1 : 0);
}

function compare(a: JalaliParts, b: JalaliParts): number {
  return a.jy - b.jy || a.jm - b.jm || a.jd - b.jd;
}

export function validateBirthDate(
  input: string,
  today: Date,
  { minAgeYears = 18, maxAgeYears = 120 }: BirthDateLimits = {},
): Result<JalaliDate, BirthDateError> {
  const parsed = parseJalaliDate(input);
  if (!parsed.ok) return parsed;
  const now = toJalali(today);
  if (compare(parsed.value, now) > 0) return fail('birth_date_future');
  const age = ageInYears(parsed.value, now);
  if (age < minAgeYears) return fail('birth_date_too_young');
  if (age > maxAgeYears) return fail('birth_date_too_old');
  return parsed;
}

/** The Jalali calendar day of an instant, in Iran unless told otherwise. */
export function toJalali(date: Date, timeZone: string = IRAN_TIME_ZONE): JalaliParts {
  const { gy, gm, gd } = localDay(date, timeZone);
  return toJalaali(gy, gm, gd);
}

/** The local Gregorian day of the Saturday that opens the date's week (Iranian weeks run Saturday to Friday). */
function weekStart(date: Date, timeZone: string): { gy: number; gm: number; gd: number } {
  const { gy, gm, gd } = localDay(date, timeZone);
  const day = new Date(Date.UTC(gy, gm - 1, gd));
  const daysSinceSaturday = (day.getUTCDay() + 1) % 7;
  day.setUTCDate(day.getUTCDate() - daysSinceSaturday);
  return { gy: day.getUTCFullYear(), gm: day.getUTCMonth() + 1, gd: day.getUTCDate() };
}

/**
 * A report label for the period holding `date`: 1403, 1403/05, 1403/05/17; a week is labelled
 * by its Saturday, so labels sort in time order as plain strings.
 */
export function jalaliBucket(date: Date, unit: BucketUnit, timeZone: string = IRAN_TIME_ZONE): string {
  const { jy, jm, jd } =
    unit === 'week' ? (({ gy, gm, gd }) => toJalaali(gy, gm, gd))(weekStart(date, timeZone)) : toJalali(date, timeZone);
  if (unit === 'year') return pad(jy, 4);
  if (unit === 'month') return `${pad(jy, 4)}/${pad(jm)}`;
  return `${pad(jy, 4)}/${pad(jm)}/${pad(jd)}`;
}

const clocks = new Map<string, Intl.DateTimeFormat>();
/**
 * An instant as people in the office read it in a spreadsheet: the Jalali day and the clock in Iran,
 * 1405/09/16 08:28, Latin digits (a cell people sort and search), sorting in time order as plain text.
 */
export function jalaliDateTime(date: Date, timeZone: string = IRAN_TIME_ZONE): string {
  let f = clocks.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    clocks.set(timeZone, f);
  }
  return `${jalaliBucket(date, 'day', timeZone)} ${f.format(date)}`;
}

/**
 * The Gregorian counterpart of `jalaliBucket`: 2024, 2024-08, 2024-08-07. Weeks still start on
 * Saturday, so a week holds the same days whichever calendar labels it.
 */
export function gregorianBucket(date: Date, unit: BucketUnit, timeZone: string = IRAN_TIME_ZONE): string {
  const { gy, gm, gd } = unit === 'week' ? weekStart(date, timeZone) : localDay(date, timeZone);
  if (unit === 'year') return pad(gy, 4);
  if (unit === 'month') return `${pad(gy, 4)}-${pad(gm)}`;
  return `${pad(gy, 4)}-${pad(gm)}-${pad(gd)}`;
}
