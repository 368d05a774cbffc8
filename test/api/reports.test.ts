import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRegistration } from '../support/database.js';
import { staffToken, withToken } from '../support/staff.js';
import { standaloneApp, type StandaloneApp } from '../support/standalone-app.js';

let shell: StandaloneApp;
let supervisor: string;
const ids = {} as Record<'approved' | 'rejected' | 'shahkar' | 'open', string>;
const none = { captcha: 0, civil_registry: 0, shahkar: 0, otp: 0, rejected: 0, expired: 0 };
const at = (iso: string, minutes = 0) => new Date(new Date(iso).getTime() + minutes * 60_000);

// Mehr 1401 (autumn 2022) belongs to this file alone; Tehran is at +03:30 then.
beforeAll(async () => {
  shell = await standaloneApp();
  const db = shell.app.db;
  supervisor = await staffToken(shell.app, db, 'supervisor');
  await db('registrations')
    .where('created_at', '>=', at('2022-09-01T00:00:00Z'))
    .where('created_at', '<', at('2022-11-01T00:00:00Z'))
    .delete();
  const t = '2022-09-24T06:00:00Z'; // 1401/07/02 09:30 in Tehran
  ids.approved = await insertRegistration(db, {
    created_at: at(t),
    status: 'registered',
    submitted_at: at(t, 10),
    verified_at: at(t, 12),
    review_started_at: at(t, 12),
    decided_at: at(t, 72),
  });
  const late = '2022-09-24T20:29:59Z'; // the last second of 1401/07/02 (and of 24 September) in Tehran
  ids.rejected = await insertRegistration(db, {
    created_at: at(late),
    status: 'rejected',
    submitted_at: at(late, 20),
    verified_at: at(late, 22),
    review_started_at: at(late, 22),
    decided_at: at(late, 142),
  });
  ids.shahkar = await insertRegistration(db, {
    created_at: at('2022-09-24T20:30:00Z'),
    status: 'expired',
    return_reason: 'shahkar_mismatch',
    submitted_at: at('2022-09-24T20:30:00Z', 5),
  });
  ids.open = await insertRegistration(db, { created_at: at('2022-10-10T08:00:00Z'), status: 'under-review' });
});
afterAll(() => shell?.app.close());

const get = (url: string) => shell.app.inject({ url, ...withToken(supervisor) });
const report = async (query: string) => (await get(`/api/reports/registrations?${query}`)).json();
const day1 = {
  started: 2,
  successful: 1,
  open: 0,
  unsuccessful: { ...none, rejected: 1 },
  medianSeconds: { applicant: 900, verification: 120, review: 5400 },
};
const day2 = {
  started: 1,
  successful: 0,
  open: 0,
  unsuccessful: { ...none, shahkar: 1 },
  medianSeconds: { applicant: 300, verification: null, review: null },
};

describe('GET /api/reports/registrations: the figures are what was created', () => {
  it('by Jalali day, the day turning at midnight in Tehran', async () => {
    const r = await report('from=۱۴۰۱/۰۷/۰۲&to=1401/07/03&bucket=day&calendar=jalali');
    expect(r.periods).toEqual([
      { period: '1401/07/02', ...day1 },
      { period: '1401/07/03', ...day2 },
    ]);
  });

  it('by Gregorian day, the same registrations under their Gregorian dates, asked with a Jalali range', async () => {
    const r = await report('from=1401/07/02&to=1401/07/03&bucket=day&calendar=gregorian');
    expect(r.periods).toEqual([
      { period: '2022-09-24', ...day1 },
      { period: '2022-09-25', ...day2 },
    ]);
  });

  it('by month in each calendar, with the open request and the totals', async () => {
    const jalali = await report('from=1401/07/01&to=1401/07/30&bucket=month&calendar=jalali');
    expect(jalali.periods).toMatchObject([
      { period: '1401/07', started: 4, successful: 1, open: 1, unsuccessful: { ...none, rejected: 1, shahkar: 1 } },
    ]);
    expect(jalali.total).toMatchObject({ started: 4, successful: 1, open: 1 });
    const gregorian = await report('from=2022-09-01&to=2022-10-31&bucket=month&calendar=gregorian');
    expect(gregorian.periods.map((p: { period: string; started: number }) => [p.period, p.started])).toEqual([
      ['2022-09', 3],
      ['2022-10', 1],
    ]);
  });

  it('behind each figure, the registrations it counts, as many as it says', async () => {
    const rejected = (
      await get('/api/reports/registrations/instances?from=1401/07/01&to=1401/07/30&figure=rejected')
    ).json();
    expect(rejected).toMatchObject({
      figure: 'rejected',
      count: 1,
      instances: [{ registrationId: ids.rejected, status: 'rejected', outcome: 'rejected' }],
    });
    const day = (
      await get('/api/reports/registrations/instances?from=1401/07/01&to=1401/07/30&bucket=day&period=1401/07/02')
    ).json();
    expect(day.instances.map((i: { registrationId: string }) => i.registrationId)).toEqual([
      ids.approved,
      ids.rejected,
    ]);
  });

  it('a page at a time: the pages hold every registration of the figure once, in the order they started', async () => {
    const url = (page: number) =>
      `/api/reports/registrations/instances?from=1401/07/01&to=1401/07/30&figure=started&pageSize=3&page=${page}`;
    const first = (await get(url(1))).json();
    expect(first).toMatchObject({ count: 4, page: 1, pageSize: 3, pages: 2 });
    const second = (await get(url(2))).json();
    expect(second).toMatchObject({ count: 4, page: 2, pages: 2 });
    expect([...first.instances, ...second.instances].map((i: { registrationId: string }) => i.registrationId)).toEqual([
      ids.approved,
      ids.rejected,
      ids.shahkar,
      ids.open,
    ]);
    expect((await get(url(3))).json()).toMatchObject({ count: 4, page: 3, instances: [] });
    const refused = await get(url(1).replace('pageSize=3', 'pageSize=201'));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['pageSize']);
  });

  it('given a date that is not one, an end before the start, or an unknown bucket, then 422 naming the field', async () => {
    const fields = async (q: string) =>
      (await get(`/api/reports/registrations?${q}`))
        .json()
        .error.fields.map((f: { field: string; id: string }) => `${f.field}:${f.id}`);
    expect(await fields('from=1401/13/01&to=1401/07/30')).toEqual(['from:report_date_format']);
    expect(await fields('from=1401/07/30&to=1401/07/01')).toEqual(['to:report_range']);
    expect(await fields('from=1401/07/01&to=1401/07/30&bucket=hour')).toEqual(['bucket:field_invalid']);
  });
});
