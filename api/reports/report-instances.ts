import type { Config } from '../../config/config.js';
import type { Db } from '../../db/knex.js';
import { createRegistrationDailyFiguresRepo } from '../../db/registration-daily-figures-repo.js';
import { createFigureRegistrationsRepo } from '../../db/figure-registrations-repo.js';
import { cockpitInstanceLink } from '../../domain/cockpit-link.js';
import { gregorianBucket } from '../../domain/jalali-date.js';
import type { RegistrationOutcome, RolledDay } from '../../domain/registration-figures.js';
import { bucketLabel, tehranDays } from '../../domain/report-buckets.js';
import { requirePermission } from '../auth/permissions.js';
import type { StaffPrincipal } from '../auth/staff-auth.js';
import { MAX_PAGE_SIZE } from '../schemas/reports.js';
import type { ReportQuery } from './report-query.js';

export type ReportFigure = 'started' | RegistrationOutcome;

/** How many of a rolled-up day's registrations count under the figure (none is open on such a day). */
function rolledCount(d: RolledDay, figure: ReportFigure) {
  if (figure === 'started' || figure === 'successful') return d[figure];
  return figure === 'open' ? 0 : d.unsuccessful[figure];
}

/**
 * The registrations behind one figure of the report, a page at a time, each with its process instance and the link
 * to that instance in Cockpit, where the office sees the diagram, the token and any incident. The same rows, period
 * labels and classification as the report, so `count` is always the figure: it is read like the figure, from the
 * nightly roll-up for the days it holds and counted for the others; the page is read from `registrations` in
 * created_at order, only as far as it reaches. Ids, statuses and times only.
 */
export function createReportInstances(db: Db, config: Pick<Config, 'ENGINE_WEBAPP_URL'>) {
  const cockpit = (id: string) => cockpitInstanceLink(config.ENGINE_WEBAPP_URL, id);
  const registrations = createFigureRegistrationsRepo(db);
  const rollup = createRegistrationDailyFiguresRepo(db);
  return async function reportInstances(
    staff: StaffPrincipal,
    q: ReportQuery,
    period: string | undefined,
    figure: ReportFigure,
    paging: { page?: number; pageSize?: number } = {},
  ) {
    requirePermission(staff, 'reports');
    const page = paging.page ?? 1;
    const pageSize = paging.pageSize ?? MAX_PAGE_SIZE;
    const days = tehranDays(q.from, q.to)
      .map((d) => ({ day: gregorianBucket(d, 'day'), label: bucketLabel(d, q.bucket, q.calendar) }))
      .filter((d) => !period || d.label === period);
    const rolled = await rollup.read(
      days.map((d) => d.day),
      { digests: false },
    );
    const rolledDays = new Set(rolled.map((r) => r.day));
    const [counted, rows] = await Promise.all([
      registrations.count(
        days.filter((d) => !rolledDays.has(d.day)),
        figure,
      ),
      registrations.page(days, figure, { offset: (page - 1) * pageSize, limit: pageSize }),
    ]);
    const count = counted + rolled.reduce((n, d) => n + rolledCount(d, figure), 0);
    return {
      figure,
      period: period ?? null,
      count,
      page,
      pageSize,
      pages: Math.ceil(count / pageSize),
      instances: rows.map((row) => ({
        registrationId: row.id,
        processInstanceId: row.process_instance_id ?? null,
        cockpitUrl: row.process_instance_id ? cockpit(row.process_instance_id) : null,
        status: row.status,
        outcome: row.outcome,
        createdAt: new Date(row.created_at).toISOString(),
      })),
    };
  };
}
