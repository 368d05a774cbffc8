import type { Db } from '../../db/knex.js';
import { createRegistrationDailyFiguresRepo } from '../../db/registration-daily-figures-repo.js';
import { createRegistrationFiguresRepo } from '../../db/registration-figures-repo.js';
import { CLOSED_STATUSES } from '../../db/registrations-repo.js';
import { gregorianBucket, IRAN_TIME_ZONE } from '../../domain/jalali-date.js';
import { figures, withRolledDays, type RolledDay } from '../../domain/registration-figures.js';
import { bucketLabel, tehranDays } from '../../domain/report-buckets.js';
import { requirePermission } from '../auth/permissions.js';
import type { StaffPrincipal } from '../auth/staff-auth.js';
import type { ReportQuery } from './report-query.js';

/**
 * The supervisor's figures (the card's empty frequency table): per period of the registrations'
 * start, in Tehran time, how many started, ended successful, ended unsuccessful and why, are
 * still open now, and the median time of each phase. Read from `registrations` and its daily roll-up: ids,
 * statuses and times, no personal data. Counted in PostgreSQL (db/registration-figures-repo.ts), by the
 * same rules as domain/registration-figures.ts. Days the nightly roll-up holds (db/registration-daily-figures-repo.ts)
 * are read from it, the rest (today, days with a registration still open) from `registrations`; a period with
 * rolled-up days has its medians from merged digests, within 1 % of the exact ones.
 */
export function createRegistrationReport(db: Db, now: () => Date = () => new Date()) {
  const repo = createRegistrationFiguresRepo(db);
  const rollup = createRegistrationDailyFiguresRepo(db);
  return async function registrationReport(staff: StaffPrincipal, q: ReportQuery) {
    requirePermission(staff, 'reports');
    const days = tehranDays(q.from, q.to).map((d) => ({
      day: gregorianBucket(d, 'day'),
      label: bucketLabel(d, q.bucket, q.calendar),
    }));
    const rolled = new Map((await rollup.read(days.map((d) => d.day))).map((r) => [r.day, r]));
    const live = await repo.periodFigures(
      days.filter((d) => !rolled.has(d.day)),
      { digests: rolled.size > 0 },
    );
    const rolledByLabel = new Map<string, RolledDay[]>(days.map((d) => [d.label, []]));
    for (const d of days) if (rolled.has(d.day)) rolledByLabel.get(d.label)!.push(rolled.get(d.day)!);
    const periods = [...rolledByLabel].map(([l, r]) =>
      withRolledDays(live.periods.get(l) ?? figures(l, []), live.digests?.get(l), r),
    );
    const total = withRolledDays(live.total, live.digests?.get(null), [...rolled.values()]);
    const open = await db('registrations')
      .whereNotIn('status', CLOSED_STATUSES as string[])
      .count({ count: '*' })
      .first();
    return {
      from: q.from.toISOString(),
      to: q.to.toISOString(),
      bucket: q.bucket,
      calendar: q.calendar,
      timeZone: IRAN_TIME_ZONE,
      generatedAt: now().toISOString(),
      /** Every open registration now, whenever it started. */
      openNow: Number(open?.count ?? 0),
      periods,
      total,
      /** How many of the range's days were read from the nightly roll-up (their medians within 1 %). */
      daysFromRollup: rolled.size,
    };
  };
}
