import type { ProcessEngine } from '../../adapters/engine/process-engine.js';
import { REVIEWER_GROUP, USER_TASKS } from '../../adapters/engine/process-model.js';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/knex.js';
import { dueAt } from '../instants.js';

export interface QueueItem {
  registrationId: string;
  trackingCode: string;
  agency: { name: string | null; nationalId: string | null };
  waitingSince: string;
  /** When the reviewers are reminded (the review process's REVIEW_REMINDER timer). */
  dueAt: string;
  overdue: boolean;
}

/**
 * The open review tasks, oldest first: the same tasks Tasklist shows the reviewers' group, read from
 * the engine; the agency's name comes from our database by the task's business key.
 */
export function createReviewQueue(db: Db, engine: ProcessEngine, config: Config, now: () => Date) {
  return async function openReviews(): Promise<QueueItem[]> {
    const tasks = await engine.tasksOf(USER_TASKS.review, REVIEWER_GROUP);
    const ids = tasks.map((t) => t.businessKey).filter((k): k is string => Boolean(k));
    const rows = ids.length
      ? await db('registrations as r')
          .leftJoin('applicant_data as d', 'd.registration_id', 'r.id')
          .whereIn('r.id', ids)
          .select('r.id', 'r.tracking_code', 'd.agency_name', 'r.agency_national_id')
      : [];
    const byId = new Map(rows.map((r) => [r.id as string, r]));
    return tasks.flatMap((t) => {
      const r = t.businessKey ? byId.get(t.businessKey) : undefined;
      if (!r) return [];
      const due = dueAt(t.created, config.REVIEW_REMINDER);
      return [
        {
          registrationId: r.id as string,
          trackingCode: r.tracking_code as string,
          agency: { name: r.agency_name ?? null, nationalId: r.agency_national_id ?? null },
          waitingSince: new Date(t.created).toISOString(),
          dueAt: due.toISOString(),
          overdue: due <= now(),
        },
      ];
    });
  };
}
