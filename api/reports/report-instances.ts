import type { Config } from '../../config/config.js';
import type { Db } from '../../db/knex.js';
import { cockpitInstanceLink } from '../../domain/cockpit-link.js';
import { registrationOutcome, type RegistrationOutcome } from '../../domain/registration-figures.js';
import { bucketLabel } from '../../domain/report-buckets.js';
import { requirePermission } from '../auth/permissions.js';
import type { StaffPrincipal } from '../auth/staff-auth.js';
import type { ReportQuery } from './report-query.js';

export type ReportFigure = 'started' | RegistrationOutcome;

const LIMIT = 200;

/**
 * The registrations behind one figure of the report, each with its process instance and the link to
 * that instance in Cockpit, where the office sees the diagram, the token and any incident. The same
 * rows, period labels and classification as the report, so the list always has as many entries as
 * the figure says; ids, statuses and times only.
 */
export function createReportInstances(db: Db, config: Pick<Config, 'ENGINE_WEBAPP_URL'>) {
  const cockpit = (id: string) => cockpitInstanceLink(config.ENGINE_WEBAPP_URL, id);
  return async function reportInstances(
    staff: StaffPrincipal,
    q: ReportQuery,
    period: string | undefined,
    figure: ReportFigure,
  ) {
    requirePermission(staff, 'reports');
    const rows = await db('registrations')
      .where('created_at', '>=', q.from)
      .where('created_at', '<', q.to)
      .orderBy([{ column: 'created_at' }, { column: 'id' }])
      .select('id', 'process_instance_id', 'status', 'return_reason', 'created_at');
    const matching = rows
      .map((r) => ({ row: r, outcome: registrationOutcome({ status: r.status, returnReason: r.return_reason }) }))
      .filter(
        ({ row, outcome }) =>
          (!period || bucketLabel(new Date(row.created_at), q.bucket, q.calendar) === period) &&
          (figure === 'started' || outcome === figure),
      );
    return {
      figure,
      period: period ?? null,
      count: matching.length,
      instances: matching.slice(0, LIMIT).map(({ row, outcome }) => ({
        registrationId: row.id as string,
        processInstanceId: (row.process_instance_id as string | null) ?? null,
        cockpitUrl: row.process_instance_id ? cockpit(row.process_instance_id as string) : null,
        status: row.status as string,
        outcome,
        createdAt: new Date(row.created_at).toISOString(),
      })),
    };
  };
}
