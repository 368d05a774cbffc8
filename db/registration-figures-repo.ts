import {
  PHASES,
  RETURN_REASON_PREFIXES,
  UNSUCCESSFUL_REASONS,
  type PeriodFigures,
  type UnsuccessfulReason,
} from '../domain/registration-figures.js';
import { IRAN_TIME_ZONE } from '../domain/jalali-date.js';
import type { Db } from './knex.js';

/** Each phase's seconds, as `phaseSeconds` counts them: both ends known and in order, at the millisecond. */
const PHASE_SQL: Record<(typeof PHASES)[number], [string, string]> = {
  applicant: ['created_at', 'submitted_at'],
  verification: ['submitted_at', 'verified_at'],
  review: ['review_started_at', 'decided_at'],
};
const seconds = ([from, to]: [string, string]) =>
  `extract(epoch from date_trunc('milliseconds', ${to}) - date_trunc('milliseconds', ${from}))::float8`;

/** The figure a row counts under, as `registrationOutcome` decides it. */
const OUTCOME_SQL = `case
  when status = 'registered' then 'successful'
  when status = 'rejected' then 'rejected'
  when status = 'expired' then case
    ${RETURN_REASON_PREFIXES.map(([prefix, reason]) => `when starts_with(coalesce(return_reason, ''), '${prefix}') then '${reason}'`).join('\n    ')}
    else 'expired' end
  else 'open' end`;

/**
 * The supervisor's figures counted and their medians taken in PostgreSQL, per period: a year is 500,000 rows
 * at a million registrations over two years, which took seconds to send to Node and group there. A period is a
 * set of Tehran days (its label depends on the day alone), given as the day → label list.
 */
export function createRegistrationFiguresRepo(db: Db) {
  return {
    async periodFigures(from: Date, to: Date, days: { day: string; label: string }[]) {
      const medians = PHASES.map(
        (p) =>
          `percentile_cont(0.5) within group (order by ${seconds(PHASE_SQL[p])}) filter (where ${seconds(PHASE_SQL[p])} >= 0) as "${p}"`,
      ).join(',\n');
      const counts = ['successful', 'open', ...UNSUCCESSFUL_REASONS]
        .map((o) => `count(*) filter (where outcome = '${o}')::int as "${o}"`)
        .join(',\n');
      const { rows } = await db.raw<{ rows: Record<string, string | number | null>[] }>(
        `with periods as (select day::date as day, label from unnest(?::text[], ?::text[]) as p(day, label)),
              r as (select p.label, ${OUTCOME_SQL} as outcome, created_at, submitted_at, verified_at, review_started_at, decided_at
                      from registrations join periods p on p.day = (created_at at time zone ?)::date
                     where created_at >= ? and created_at < ?)
         select label, grouping(label) as total, count(*)::int as started,
                ${counts},
                ${medians}
           from r group by grouping sets ((label), ())`,
        [days.map((d) => d.day), days.map((d) => d.label), IRAN_TIME_ZONE, from, to],
      );
      const figure = (period: string, row: Record<string, string | number | null> | undefined): PeriodFigures => ({
        period,
        started: Number(row?.started ?? 0),
        successful: Number(row?.successful ?? 0),
        open: Number(row?.open ?? 0),
        unsuccessful: Object.fromEntries(UNSUCCESSFUL_REASONS.map((k) => [k, Number(row?.[k] ?? 0)])) as Record<
          UnsuccessfulReason,
          number
        >,
        medianSeconds: Object.fromEntries(
          PHASES.map((p) => [p, row?.[p] == null ? null : Number(row[p])]),
        ) as PeriodFigures['medianSeconds'],
      });
      const byLabel = new Map(rows.filter((r) => Number(r.total) === 0).map((r) => [r.label as string, r]));
      const labels = [...new Set(days.map((d) => d.label))];
      return {
        periods: labels.map((l) => figure(l, byLabel.get(l))),
        total: figure(
          'total',
          rows.find((r) => Number(r.total) === 1),
        ),
      };
    },
  };
}
