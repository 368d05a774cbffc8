import { describe, expect, it } from 'vitest';
import {
  gregorianBucket,
  jalaliBucket,
  jalaliDateTime,
  parseJalaliDate,
  toJalali,
  validateBirthDate,
} from '../../domain/jalali-date.js';

// Wednesday 1403/05/17, 11:30 in Tehran.
const today = new Date('2024-08-07T08:00:00Z');

describe('parseJalaliDate', () => {
  it('given a slash date, when parsed, then Jalali parts, padded text and the Gregorian day come back', () => {
    expect(parseJalaliDate('1370/01/15')).toEqual({
      ok: true,
      value: { jy: 1370, jm: 1, jd: 15, text: '1370/01/15', iso: '1991-04-04' },
    });
  });

  it.each(['1370-1-15', '۱۳۷۰/۱/۱۵', '١٣٧٠-٠١-١٥', ' 1370/01/15\u200f', '1370 / 01 / 15'])(
    'given %j, when parsed, then it is 1370/01/15',
    (input) => {
      const result = parseJalaliDate(input);
      expect(result.ok && result.value.text).toBe('1370/01/15');
    },
  );

  it('given Esfand 30 of the leap year 1403, when parsed, then it is valid', () => {
    const result = parseJalaliDate('1403/12/30');
    expect(result.ok && result.value.iso).toBe('2025-03-20');
  });

  it.each(['1402/12/30', '1370/13/01', '1370/00/10', '1370/07/31', '1370/01/00'])(
    'given the non-existent date %s, when parsed, then it is invalid',
    (input) => {
      expect(parseJalaliDate(input)).toEqual({ ok: false, code: 'birth_date_invalid' });
    },
  );

  it.each(['1370/01', '70/01/15', '1370.01.15', '15/01/1370', 'abc', ''])(
    'given %j, when parsed, then it is a format error',
    (input) => {
      expect(parseJalaliDate(input)).toEqual({ ok: false, code: 'birth_date_format' });
    },
  );
});

describe('validateBirthDate', () => {
  it('given someone who turns 18 today, when validated, then they are old enough', () => {
    expect(validateBirthDate('1385/05/17', today).ok).toBe(true);
  });

  it('given someone who turns 18 tomorrow, when validated, then they are too young', () => {
    expect(validateBirthDate('1385/05/18', today)).toEqual({ ok: false, code: 'birth_date_too_young' });
  });

  it('given a date after today, when validated, then it is in the future', () => {
    expect(validateBirthDate('1403/05/18', today)).toEqual({ ok: false, code: 'birth_date_future' });
  });

  it('given someone of 120, when validated, then they pass; at 121 they are too old', () => {
    expect(validateBirthDate('1283/05/17', today).ok).toBe(true);
    expect(validateBirthDate('1282/05/17', today)).toEqual({ ok: false, code: 'birth_date_too_old' });
  });

  it('given other limits, when validated, then they apply', () => {
    expect(validateBirthDate('1390/01/01', today, { minAgeYears: 10 }).ok).toBe(true);
    expect(validateBirthDate('1340/01/01', today, { maxAgeYears: 60 })).toEqual({
      ok: false,
      code: 'birth_date_too_old',
    });
  });

  it('given a malformed or impossible date, when validated, then the parse code comes back', () => {
    expect(validateBirthDate('1370/1', today)).toEqual({ ok: false, code: 'birth_date_format' });
    expect(validateBirthDate('1370/07/31', today)).toEqual({ ok: false, code: 'birth_date_invalid' });
  });

  it("given an instant just after midnight in Tehran, when validated, then Tehran's date is today", () => {
    const justAfterMidnight = new Date('2024-08-07T21:00:00Z'); // 1403/05/18 00:30 in Tehran
    expect(validateBirthDate('1385/05/18', justAfterMidnight).ok).toBe(true);
  });
});

describe('toJalali', () => {
  it('given an instant, when converted, then the Tehran calendar day comes back', () => {
    expect(toJalali(today)).toEqual({ jy: 1403, jm: 5, jd: 17 });
    expect(toJalali(new Date('2024-08-07T21:00:00Z'))).toEqual({ jy: 1403, jm: 5, jd: 18 });
  });

  it("given another time zone, when converted, then that zone's day comes back", () => {
    expect(toJalali(new Date('2024-08-07T21:00:00Z'), 'UTC')).toEqual({ jy: 1403, jm: 5, jd: 17 });
  });

  it('given the last day of the leap year 1403, when converted, then it is Esfand 30', () => {
    expect(toJalali(new Date('2025-03-20T12:00:00Z'))).toEqual({ jy: 1403, jm: 12, jd: 30 });
  });
});

describe('jalaliBucket and gregorianBucket', () => {
  it('given a Wednesday, when bucketed, then each unit has its label', () => {
    expect(jalaliBucket(today, 'day')).toBe('1403/05/17');
    expect(jalaliBucket(today, 'month')).toBe('1403/05');
    expect(jalaliBucket(today, 'year')).toBe('1403');
    expect(gregorianBucket(today, 'day')).toBe('2024-08-07');
    expect(gregorianBucket(today, 'month')).toBe('2024-08');
    expect(gregorianBucket(today, 'year')).toBe('2024');
  });

  it('given any day from Saturday to Friday, when bucketed by week, then the label is that Saturday', () => {
    for (let day = 3; day <= 9; day++) {
      const date = new Date(Date.UTC(2024, 7, day, 8));
      expect(jalaliBucket(date, 'week')).toBe('1403/05/13');
      expect(gregorianBucket(date, 'week')).toBe('2024-08-03');
    }
    expect(jalaliBucket(new Date('2024-08-10T08:00:00Z'), 'week')).toBe('1403/05/20');
  });

  it('given a week that crosses Nowruz, when bucketed, then it is labelled by the Saturday in the old year', () => {
    // 1404/01/01 was a Friday; its week began on Saturday 1403/12/25.
    expect(jalaliBucket(new Date('2025-03-21T08:00:00Z'), 'week')).toBe('1403/12/25');
    expect(gregorianBucket(new Date('2025-03-21T08:00:00Z'), 'week')).toBe('2025-03-15');
  });

  it('given an instant just after midnight in Tehran, when bucketed, then it falls in the Tehran day', () => {
    const justAfterMidnight = new Date('2024-08-07T21:00:00Z');
    expect(jalaliBucket(justAfterMidnight, 'day')).toBe('1403/05/18');
    expect(gregorianBucket(justAfterMidnight, 'day')).toBe('2024-08-08');
  });
});

describe('jalaliDateTime', () => {
  it("given an instant, when written, then Tehran's Jalali day and clock come back, past midnight on the next day", () => {
    expect(jalaliDateTime(today)).toBe('1403/05/17 11:30');
    // 22:00 UTC is 01:30 the next day in Tehran, on the 24-hour clock.
    expect(jalaliDateTime(new Date('2026-12-07T22:00:00Z'))).toBe('1405/09/17 01:30');
    expect(jalaliDateTime(new Date('2026-12-07T04:58:59Z'))).toBe('1405/09/16 08:28');
  });
});
