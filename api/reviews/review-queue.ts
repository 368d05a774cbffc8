import { USER_TASKS } from '../../adapters/camunda/process-model.js';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/knex.js';
import { dueAt } from '../instants.js';

export interface QueueItem {
  registrationId: string;
  agency: { name: string | null; nationalId: string | null };
  waitingSince: string;
  /** When the reviewers are reminded (the review process's REVIEW_REMINDER timer). */
  dueAt: string;
  overdue: boolean;
}

/** The open review tasks, oldest first, as the inbox worker recorded them (Zeebe 8.6 cannot be searched). */
export function createReviewQueue(db: Db, config: Config, now: () => Date) {
  return async function openReviews(): Promise<QueueItem[]> {
    const rows = await db('user_tasks as t')
      .join('registrations as r', 'r.id', 't.registration_id')
      .leftJoin('applicant_data as d', 'd.registration_id', 't.registration_id')
      .where({ 't.element_id': USER_TASKS.review, 't.state': 'open' })
      .orderBy([{ column: 't.created_at' }, { column: 't.job_key' }])
      .select('t.registration_id', 't.created_at', 'd.agency_name', 'r.agency_national_id');
    return rows.map((r) => {
      const due = dueAt(r.created_at, config.REVIEW_REMINDER);
      return {
        registrationId: r.registration_id, agency: { name: r.agency_name ?? null, nationalId: r.agency_national_id ?? null },
        waitingSince: new Date(r.created_at).toISOString(), dueAt: due.toISOString(), overdue: due <= now(),
      };
    });
  };
}
