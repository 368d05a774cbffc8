import type { Db } from '../../db/knex.js';
import { CLOSED_STATUSES } from '../../db/registrations-repo.js';
import { IRAN_TIME_ZONE } from '../../domain/jalali-date.js';
import { figures, summarizeRegistrations, type RegistrationFacts } from '../../domain/registration-figures.js';
import { bucketLabel, bucketLabels } from '../../domain/report-buckets.js';
import { requirePermission } from '../auth/permissions.js';
import type { StaffPrincipal } from '../auth/staff-auth.js';
import type { ReportQuery } from './report-query.js';

const date = (d: Date | string | null) => (d ? new Date(d) : null);

/**
 * The supervisor's figures (the card's empty frequency table): per period of the registrations'
 * start, in Tehran time, how many started, ended successful, ended unsuccessful and why, are
 * still open now, and the median time of each phase. Read from `registrations` alone: ids,
 * statuses and times, no personal data.
 */
export function createRegistrationReport(db: Db, now: () => Date = () => new Date()) {
  return async function registrationReport(staff: StaffPrincipal, q: ReportQuery) {
    requirePermission(staff, 'reports');
    const rows = await db('registrations')
      .where('created_at', '>=', q.from)
      .where('created_at', '<', q.to)
      .select(
        'created_at',
        'status',
        'return_reason',
        'submitted_at',
        'verified_at',
        'review_started_at',
        'decided_at',
      );
    const facts: RegistrationFacts[] = rows.map((r) => ({
      createdAt: new Date(r.created_at),
      status: r.status,
      returnReason: r.return_reason,
      submittedAt: date(r.submitted_at),
      verifiedAt: date(r.verified_at),
      reviewStartedAt: date(r.review_started_at),
      decidedAt: date(r.decided_at),
    }));
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
      periods: summarizeRegistrations(facts, bucketLabels(q.from, q.to, q.bucket, q.calendar), (d) =>
        bucketLabel(d, q.bucket, q.calendar),
      ),
      total: figures('total', facts),
    };
  };
}
