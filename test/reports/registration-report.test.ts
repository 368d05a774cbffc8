import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReportQuery } from '../../api/reports/report-query.js';
import { createRegistrationReport } from '../../api/reports/registration-report.js';
import { insertRegistration, testDatabase } from '../support/database.js';

const { db } = testDatabase();
const report = createRegistrationReport(db);
const supervisor = { staffId: 's', username: 'sup', role: 'supervisor' as const };
afterAll(() => db.destroy());

const at = (iso: string) => new Date(iso);
const plus = (iso: string, minutes: number) => new Date(at(iso).getTime() + minutes * 60_000);
const none = { captcha: 0, civil_registry: 0, shahkar: 0, otp: 0, rejected: 0, expired: 0 };

/** A registration started at `created` whose phases ended the given minutes later. */
const made = (
  created: string,
  status: string,
  o: { reason?: string; submitted?: number; verified?: number; decided?: number } = {},
) =>
  insertRegistration(db, {
    created_at: at(created),
    status: status as never,
    return_reason: o.reason ?? null,
    submitted_at: o.submitted === undefined ? null : plus(created, o.submitted),
    verified_at: o.verified === undefined ? null : plus(created, o.verified),
    review_started_at: o.verified === undefined || status === 'expired' ? null : plus(created, o.verified),
    decided_at: o.decided === undefined ? null : plus(created, o.decided),
  });

// Spring 2023 belongs to this file alone: no other test starts registrations then.
beforeAll(async () => {
  await db('registrations')
    .where('created_at', '>=', at('2023-02-01T00:00:00Z'))
    .where('created_at', '<', at('2023-06-01T00:00:00Z'))
    .delete();
  await made('2023-03-18T20:29:59Z', 'expired'); // 1401/12/27 23:59:59 Tehran
  await made('2023-03-20T06:00:00Z', 'registered', { submitted: 10, verified: 12, decided: 72 });
  await made('2023-03-20T20:29:59Z', 'expired', { reason: 'captcha_invalid', submitted: 5 }); // last second of 1401/12/29 in Tehran
  await made('2023-03-20T20:30:00Z', 'rejected', { submitted: 20, verified: 30, decided: 150 }); // first second of 1402/01/01 (Nowruz)
  await made('2023-03-21T08:00:00Z', 'expired');
  await made('2023-03-22T08:00:00Z', 'under-review', { submitted: 8, verified: 9 });
  await made('2023-03-22T09:00:00Z', 'expired', { reason: 'shahkar_mismatch', submitted: 4 });
  await made('2023-03-22T10:00:00Z', 'expired', { reason: 'civil_registry_mismatch', submitted: 6 });
  await made('2023-03-22T11:00:00Z', 'expired', { reason: 'otp_exhausted', submitted: 2 });
  await made('2023-04-05T08:00:00Z', 'registered', { submitted: 10, verified: 11, decided: 31 });
});

const run = (from: string, to: string, bucket: string, calendar: string) =>
  report(supervisor, parseReportQuery({ from, to, bucket, calendar }));
const byDay = [
  {
    started: 2,
    successful: 1,
    open: 0,
    unsuccessful: { ...none, captcha: 1 },
    medianSeconds: { applicant: 450, verification: 120, review: 3600 },
  },
  {
    started: 2,
    successful: 0,
    open: 0,
    unsuccessful: { ...none, rejected: 1, expired: 1 },
    medianSeconds: { applicant: 1200, verification: 600, review: 7200 },
  },
  {
    started: 4,
    successful: 0,
    open: 1,
    unsuccessful: { ...none, shahkar: 1, civil_registry: 1, otp: 1 },
    medianSeconds: { applicant: 300, verification: 60, review: null },
  },
];

describe('registration report by day: the period turns at midnight in Tehran, not in UTC', () => {
  it('in the Jalali calendar', async () => {
    const r = await run('1401/12/28', '1402/01/02', 'day', 'jalali');
    expect(r.periods.map((p) => p.period)).toEqual(['1401/12/28', '1401/12/29', '1402/01/01', '1402/01/02']);
    expect(r.periods[0]).toMatchObject({ started: 0, successful: 0, open: 0, medianSeconds: { applicant: null } });
    expect(r.periods.slice(1)).toMatchObject(byDay);
    expect(r.total).toMatchObject({ started: 8, successful: 1, open: 1 });
    expect(r.openNow).toBeGreaterThanOrEqual(1);
  });

  it('in the Gregorian calendar, the same days with their Gregorian names', async () => {
    const r = await run('2023-03-19', '2023-03-22', 'day', 'gregorian');
    expect(r.periods.map((p) => p.period)).toEqual(['2023-03-19', '2023-03-20', '2023-03-21', '2023-03-22']);
    expect(r.periods.slice(1)).toMatchObject(byDay);
  });
});

describe('registration report by month and year', () => {
  const esfand = {
    started: 3,
    successful: 1,
    open: 0,
    unsuccessful: { ...none, captcha: 1, expired: 1 },
    medianSeconds: { applicant: 450, verification: 120, review: 3600 },
  };
  const farvardin = {
    started: 7,
    successful: 1,
    open: 1,
    unsuccessful: { ...none, rejected: 1, expired: 1, shahkar: 1, civil_registry: 1, otp: 1 },
    medianSeconds: { applicant: 420, verification: 60, review: 4200 },
  };

  it('Jalali months and years split at Nowruz', async () => {
    expect((await run('1401/12/01', '1402/01/31', 'month', 'jalali')).periods).toMatchObject([
      { period: '1401/12', ...esfand },
      { period: '1402/01', ...farvardin },
    ]);
    expect((await run('1401/12/01', '1402/01/31', 'year', 'jalali')).periods).toMatchObject([
      { period: '1401', ...esfand },
      { period: '1402', ...farvardin },
    ]);
  });

  it('Gregorian months split on 1 April instead', async () => {
    const r = await run('2023-03-01', '2023-04-30', 'month', 'gregorian');
    expect(r.periods).toMatchObject([
      {
        period: '2023-03',
        started: 9,
        successful: 1,
        open: 1,
        unsuccessful: { captcha: 1, civil_registry: 1, shahkar: 1, otp: 1, rejected: 1, expired: 2 },
        medianSeconds: { applicant: 360, verification: 120, review: 5400 },
      },
      {
        period: '2023-04',
        started: 1,
        successful: 1,
        open: 0,
        unsuccessful: none,
        medianSeconds: { applicant: 600, verification: 60, review: 1200 },
      },
    ]);
  });

  it('is for supervisors and admins only', async () => {
    const q = parseReportQuery({ from: '2023-03-01', to: '2023-03-02' });
    await expect(report({ staffId: 'r', username: 'rev', role: 'reviewer' }, q)).rejects.toMatchObject({
      code: 'forbidden',
      statusCode: 403,
    });
    await expect(report({ staffId: 'a', username: 'adm', role: 'admin' }, q)).resolves.toMatchObject({
      bucket: 'day',
      calendar: 'jalali',
    });
  });
});
