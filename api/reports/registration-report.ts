import type { Db } from '../../db/knex.js';
import { createRegistrationFiguresRepo } from '../../db/registration-figures-repo.js';
import { CLOSED_STATUSES } from '../../db/registrations-repo.js';
import { gregorianBucket, IRAN_TIME_ZONE } from '../../domain/jalali-date.js';
import { bucketLabel, tehranDays } from '../../domain/report-buckets.js';
import { requirePermission } from '../auth/permissions.js';
import type { StaffPrincipal } from '../auth/staff-auth.js';
import type { ReportQuery } from './report-query.js';

/**
 * The supervisor's figures (the card's empty frequency table): per period of the registrations'
 * start, in Tehran time, how many started, ended successful, ended unsuccessful and why, are
 * still open now, and the median time of each phase. Read from `registrations` alone: ids,
 * statuses and times, no personal data. Counted in PostgreSQL (db/registration-figures-repo.ts), by the
 * same rules as domain/registration-figures.ts.
 */
export function createRegistrationReport(db: Db, now: () => Date = () => new Date()) {
  const repo = createRegistrationFiguresRepo(db);
  return async function registrationReport(staff: StaffPrincipal, q: ReportQuery) {
    requirePermission(staff, 'reports');
    const days = tehranDays(q.from, q.to).map((d) => ({
      day: gregorianBucket(d, 'day'),
      label: bucketLabel(d, q.bucket, q.calendar),
    }));
    const { periods, total } = await repo.periodFigures(q.from, q.to, days);
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
    };
  };
}
