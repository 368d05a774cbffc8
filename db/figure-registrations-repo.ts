import { dayWindows } from '../domain/report-buckets.js';
import type { Db } from './knex.js';
import { REGISTRATION_FIGURES_SQL } from './registration-figures-repo.js';

const { startedOn, OUTCOME_SQL } = REGISTRATION_FIGURES_SQL;

/**
 * The registrations behind one figure, a page at a time: those that started on the given days (one period's, or the
 * range's) and count under the figure, oldest first, read in created_at order through its index and cut off by the
 * page. Ids, statuses and times only.
 */
export function createFigureRegistrationsRepo(db: Db) {
  const ofFigure = (days: { day: string; label: string }[], figure: string) => {
    const from = startedOn(days);
    return {
      sql: `with ${from.sql} select * from r ${figure === 'started' ? '' : 'where outcome = ?'}`,
      bindings: figure === 'started' ? from.bindings : [...from.bindings, figure],
    };
  };
  return {
    async count(days: { day: string; label: string }[], figure: string) {
      if (!days.length) return 0;
      const q = ofFigure(days, figure);
      const { rows } = await db.raw<{ rows: { n: number }[] }>(
        `select count(*)::int as n from (${q.sql}) as matching`,
        q.bindings,
      );
      return rows[0]!.n;
    },

    async page(days: { day: string; label: string }[], figure: string, page: { offset: number; limit: number }) {
      if (!days.length) return [];
      const windows = dayWindows(days.map((d) => d.day));
      const { rows } = await db.raw<{
        rows: {
          id: string;
          process_instance_id: string | null;
          status: string;
          outcome: string;
          created_at: Date;
        }[];
      }>(
        `select id, process_instance_id, status, ${OUTCOME_SQL} as outcome, created_at
           from registrations
          where (${windows.map(() => '(created_at >= ? and created_at < ?)').join(' or ')})
            ${figure === 'started' ? '' : `and ${OUTCOME_SQL} = ?`}
          order by created_at, id
          limit ? offset ?`,
        [
          ...windows.flatMap((w) => [w.start, w.next]),
          ...(figure === 'started' ? [] : [figure]),
          page.limit,
          page.offset,
        ],
      );
      return rows;
    },
  };
}
