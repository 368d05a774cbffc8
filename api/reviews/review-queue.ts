import type { ProcessEngine, TaskFilter } from '../../adapters/engine/process-engine.js';
import { REVIEWER_GROUP, USER_TASKS } from '../../adapters/engine/process-model.js';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/knex.js';
import { durationMs } from '../../domain/iso-duration.js';
import { dueAt } from '../instants.js';

interface QueueItem {
  registrationId: string;
  trackingCode: string;
  agency: { name: string | null; nationalId: string | null };
  waitingSince: string;
  /** When the reviewers are reminded (the review process's REVIEW_REMINDER timer). */
  dueAt: string;
  overdue: boolean;
}

/** Which page of the queue: 1 is the oldest requests. */
export interface QueuePageRequest {
  page: number;
  pageSize: number;
}

export interface QueuePage extends QueuePageRequest {
  items: QueueItem[];
  /** Every open review, on any page. */
  total: number;
  /** Those waiting longer than REVIEW_REMINDER, on any page. */
  overdue: number;
}

/**
 * The open review tasks, oldest first, one page at a time: the same tasks Tasklist shows the reviewers' group.
 * The engine pages and counts them (the list, its total and the overdue ones, with one filter), so only the
 * page's business keys and rows are read however long the queue is; the agency's name comes from our database.
 */
export function createReviewQueue(db: Db, engine: ProcessEngine, config: Config, now: () => Date) {
  return async function openReviews({ page, pageSize }: QueuePageRequest): Promise<QueuePage> {
    const filter: TaskFilter = { taskDefinitionKey: USER_TASKS.review, candidateGroup: REVIEWER_GROUP };
    const at = now();
    const [tasks, total, overdue] = await Promise.all([
      engine.tasksOf(filter, { firstResult: (page - 1) * pageSize, maxResults: pageSize }),
      engine.taskCount(filter),
      engine.taskCount({ ...filter, createdUpTo: new Date(at.getTime() - durationMs(config.REVIEW_REMINDER)) }),
    ]);
    const ids = tasks.map((t) => t.businessKey).filter((k): k is string => Boolean(k));
    const rows = ids.length
      ? await db('registrations as r')
          .leftJoin('applicant_data as d', 'd.registration_id', 'r.id')
          .whereIn('r.id', ids)
          .select('r.id', 'r.tracking_code', 'd.agency_name', 'r.agency_national_id')
      : [];
    const byId = new Map(rows.map((r) => [r.id as string, r]));
    // A task whose registration we do not have (none in production; a tool's stray review) cannot be opened here.
    const items = tasks.flatMap((t) => {
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
          overdue: due <= at,
        },
      ];
    });
    return { items, total, overdue, page, pageSize };
  };
}
