import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReportQuery } from '../../api/reports/report-query.js';
import { createRegistrationReport } from '../../api/reports/registration-report.js';
import { createReportInstances } from '../../api/reports/report-instances.js';
import { createLogger } from '../../config/logger.js';
import { createRegistrationFiguresRepo } from '../../db/registration-figures-repo.js';
import { createRetentionRepo } from '../../db/retention-repo.js';
import { gregorianBucket } from '../../domain/jalali-date.js';
import type { PeriodFigures } from '../../domain/registration-figures.js';
import { bucketLabel, tehranDays } from '../../domain/report-buckets.js';
import { rollUpRegistrationDays } from '../../workers/reports/registration-rollup.js';
import { insertRegistration, testDatabase } from '../support/database.js';

const { db, config } = testDatabase();
const report = createRegistrationReport(db);
const instances = createReportInstances(db, config);
const exact = createRegistrationFiguresRepo(db);
const supervisor = { staffId: 's', username: 'sup', role: 'supervisor' as const };
afterAll(() => db.destroy());

// March 2020 to May 2021 belongs to this file alone: no other test starts registrations then. Tehran still kept
// summer time (+04:30) then, so the history crosses four clock changes.
const FIRST = Date.parse('2020-03-01T00:00:00Z');
const DAYS = 450;
const END = new Date(FIRST + DAYS * 86_400_000);
const ROLLUP_NIGHT = () => new Date(END.getTime() + 3 * 3_600_000);
const logger = createLogger({ level: 'silent' });

/** A pseudo-random generator with a fixed seed (mulberry32), so every run builds the same history. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const rnd = random(22);
/** Minutes to days, spread over orders of magnitude, with milliseconds that the figures truncate. */
const after = (t: number, scale: number) => new Date(t + Math.exp(rnd() * Math.log(scale)) * 60_000 + rnd());
const OPEN = ['applicant-data', 'verifying', 'otp', 'under-review'] as const;
const EXPIRED_REASONS = [null, 'captcha_invalid', 'civil_registry_mismatch', 'shahkar_mismatch', 'otp_exhausted'];
const openDays = new Set<string>();

/** One registration started at `t`, on a path chosen at random, closed unless `open`. */
function registration(t: number, open: boolean) {
  const created = new Date(t);
  const submitted = rnd() < 0.9 ? after(t, 3 * 1440) : null;
  const verified = submitted && rnd() < 0.85 ? after(submitted.getTime(), 60) : null;
  const reviewStarted = verified;
  // Now and then a decision recorded before its review began: a phase out of order, which no median counts.
  const decided = reviewStarted
    ? rnd() < 0.02
      ? new Date(reviewStarted.getTime() - 60_000)
      : after(reviewStarted.getTime(), 5 * 1440)
    : null;
  const row = {
    created_at: created,
    submitted_at: submitted,
    verified_at: verified,
    review_started_at: reviewStarted,
    decided_at: null as Date | null,
    return_reason: null as string | null,
    closed_at: null as Date | null,
    status: 'registered' as string,
  };
  if (open) return { ...row, status: OPEN[Math.floor(rnd() * OPEN.length)]! };
  const closedAt = new Date((decided ?? submitted ?? created).getTime() + 60_000);
  if (decided)
    return { ...row, decided_at: decided, closed_at: closedAt, status: rnd() < 0.85 ? 'registered' : 'rejected' };
  const reason = EXPIRED_REASONS[Math.floor(rnd() * EXPIRED_REASONS.length)]!;
  return { ...row, return_reason: reason, closed_at: closedAt, status: 'expired' };
}

beforeAll(async () => {
  await db('registrations').where('created_at', '>=', new Date(FIRST)).where('created_at', '<', END).delete();
  const rows = [];
  for (let day = 0; day < DAYS; day++) {
    // Some days see nobody; a few keep a registration open.
    const n = rnd() < 0.1 ? 0 : 1 + Math.floor(rnd() * 8);
    const open = rnd() < 0.04;
    for (let i = 0; i < n; i++) {
      // The first and the last second of a Tehran day (at +03:30 or +04:30) are among the times drawn.
      const t =
        FIRST +
        day * 86_400_000 +
        (i === 0 ? 20 * 3_600_000 + 29 * 60_000 + (rnd() < 0.5 ? 59_999 : 60_000) : rnd() * 86_400_000);
      const r = registration(t, open && i === n - 1);
      if (r.closed_at === null) openDays.add(gregorianBucket(r.created_at, 'day'));
      rows.push(r);
    }
  }
  for (let i = 0; i < rows.length; i += 10)
    await Promise.all(rows.slice(i, i + 10).map((r) => insertRegistration(db, r as never)));
}, 120_000);

const range = (from: string, to: string, bucket: string, calendar = 'jalali') =>
  parseReportQuery({ from, to, bucket, calendar });
/** The exact figures: every registration of the range counted now, as the page did before the roll-up. */
async function exactly(q: ReturnType<typeof range>) {
  const days = tehranDays(q.from, q.to).map((d) => ({
    day: gregorianBucket(d, 'day'),
    label: bucketLabel(d, q.bucket, q.calendar),
  }));
  const { periods, total } = await exact.periodFigures(days);
  return { periods: [...periods.values()], total };
}
const counts = ({ medianSeconds: _m, ...rest }: PeriodFigures) => rest;
/** Within the digest's 1 %, and the millisecond the roll-up rounds to. */
function expectMediansClose(got: PeriodFigures, want: PeriodFigures) {
  for (const [phase, w] of Object.entries(want.medianSeconds)) {
    const g = got.medianSeconds[phase as keyof PeriodFigures['medianSeconds']];
    if (w === null) expect(g, `${got.period} ${phase}`).toBeNull();
    else expect(Math.abs(g! - w), `${got.period} ${phase}: ${g} against ${w}`).toBeLessThanOrEqual(w * 0.01 + 0.001);
  }
}

const QUERIES = [
  ['a Jalali year by month', range('1399/01/01', '1399/12/30', 'month')],
  ['a Gregorian year by week', range('2020-03-01', '2021-02-28', 'week', 'gregorian')],
  ['by day across the end of summer time', range('1399/06/25', '1399/07/05', 'day')],
  ['the whole history by year, with days after it', range('2020-02-20', '2021-06-30', 'year', 'gregorian')],
] as const;

describe('the reports page from the nightly roll-up and the days it does not hold', () => {
  let before: Awaited<ReturnType<typeof exactly>>[];

  it('given a history of 450 days, when the nightly job rolls it up, then it stores every closed day but those with a registration still open', async () => {
    before = await Promise.all(QUERIES.map(([, q]) => exactly(q)));
    const stored = await rollUpRegistrationDays({ db, logger, now: ROLLUP_NIGHT });
    const ours = stored.filter((d) => d >= '2020-03-01' && d < gregorianBucket(END, 'day'));
    expect(openDays.size).toBeGreaterThan(5);
    for (const d of openDays) expect(ours).not.toContain(d);
    expect(ours.length).toBeGreaterThan(DAYS - openDays.size - 3);
    // A second night finds nothing new: the days left wait for their open registrations.
    expect(await rollUpRegistrationDays({ db, logger, now: ROLLUP_NIGHT })).toEqual([]);
  });

  it.each(QUERIES.map(([name], i) => ({ name, i })))(
    '$name: the same counts as counting every registration, and medians within 1 %',
    async ({ i }) => {
      const q = QUERIES[i]![1];
      const page = await report(supervisor, q);
      expect(page.daysFromRollup).toBeGreaterThan(0);
      const want = before[i]!;
      expect(page.periods.map(counts)).toEqual(want.periods.map(counts));
      expect(counts(page.total)).toEqual(counts(want.total));
      page.periods.forEach((p, k) => expectMediansClose(p, want.periods[k]!));
      expectMediansClose(page.total, want.total);
      // And the exact reading still agrees with itself after the roll-up: nothing it reads has changed.
      expect(await exactly(q)).toEqual(want);
    },
  );

  it('behind a figure of a rolled-up month, as many registrations as the figure says, page after page', async () => {
    const q = range('1399/01/01', '1399/12/30', 'month');
    const page = await report(supervisor, q);
    const month = page.periods[4]!;
    for (const figure of ['started', 'rejected', 'otp'] as const) {
      const want = figure === 'started' ? month.started : month.unsuccessful[figure];
      const seen: string[] = [];
      for (let p = 1; ; p++) {
        const list = await instances(supervisor, q, month.period, figure, { page: p, pageSize: 7 });
        expect(list.count).toBe(want);
        seen.push(...list.instances.map((i) => i.registrationId));
        if (p >= list.pages) break;
      }
      expect(new Set(seen).size).toBe(want);
    }
  });

  it('given the retention purge of the unsuccessful requests, then the roll-up stays as it was', async () => {
    const rolled = await db('registration_daily_figures').orderBy('day').select();
    expect(rolled.length).toBeGreaterThan(400);
    const purged = await db.transaction((trx) =>
      createRetentionRepo(db).purgeUnsuccessful(
        {
          closedBefore: END,
          codesBefore: new Date(0),
          sessionsEndedBefore: new Date(0),
          certificateClosedBefore: new Date(0),
        },
        new Date(),
        trx,
      ),
    );
    expect(purged.applicant_data).toBeGreaterThanOrEqual(0);
    const marked = await db('registrations')
      .where('created_at', '>=', new Date(FIRST))
      .where('created_at', '<', END)
      .whereNotNull('purged_at')
      .count({ n: '*' });
    expect(Number(marked[0]!.n)).toBeGreaterThan(100);
    expect(await db('registration_daily_figures').orderBy('day').select()).toEqual(rolled);
  });

  it('given a registration of a rolled-up day that changes, then that day is counted live again until the next night', async () => {
    const q = range('1399/06/25', '1399/07/05', 'day');
    const { rows } = await db.raw<{ rows: { day: string }[] }>(
      `select to_char(day, 'YYYY-MM-DD') as day from registration_daily_figures
        where day >= '2020-09-16' and started > 0 order by day limit 1`,
    );
    const dayOf = rows[0]!.day;
    const [row] = await db('registrations')
      .whereRaw(`(created_at at time zone 'Asia/Tehran')::date = ?::date`, [dayOf])
      .select('id');
    await db('registrations').where({ id: row!.id }).update({ status: 'rejected', decided_at: new Date() });
    expect(await db('registration_daily_figures').whereRaw('day = ?::date', [dayOf])).toHaveLength(0);
    const late = await insertRegistration(db, { created_at: new Date(FIRST + 200 * 86_400_000), status: 'registered' });
    expect(
      await db('registration_daily_figures').whereRaw('day = ?::date', [
        gregorianBucket(new Date(FIRST + 200 * 86_400_000), 'day'),
      ]),
    ).toHaveLength(0);
    const page = await report(supervisor, q);
    const want = await exactly(q);
    expect(page.periods.map(counts)).toEqual(want.periods.map(counts));
    page.periods.forEach((p, k) => expectMediansClose(p, want.periods[k]!));
    const again = await rollUpRegistrationDays({ db, logger, now: ROLLUP_NIGHT });
    expect(again).toContain(dayOf);
    await db('registrations').where({ id: late }).delete();
  });
});
