import {
  PHASES,
  RETURN_REASON_PREFIXES,
  UNSUCCESSFUL_REASONS,
  type PeriodFigures,
  type PhaseDigests,
  type UnsuccessfulReason,
} from '../domain/registration-figures.js';
import { IRAN_TIME_ZONE } from '../domain/jalali-date.js';
import { dayWindows } from '../domain/report-buckets.js';
import { digestBucketSql } from './duration-digest-sql.js';
import type { Db } from './knex.js';

/** Each phase's ends, as `phaseSeconds` takes them: both known and in order, at the millisecond. */
const PHASE_SQL: Record<(typeof PHASES)[number], [string, string]> = {
  applicant: ['created_at', 'submitted_at'],
  verification: ['submitted_at', 'verified_at'],
  review: ['review_started_at', 'decided_at'],
};
const interval = ([from, to]: [string, string]) =>
  `extract(epoch from date_trunc('milliseconds', ${to}) - date_trunc('milliseconds', ${from}))`;
const seconds = (ends: [string, string]) => `${interval(ends)}::float8`;
/**
 * Whole milliseconds (the ends are truncated to them): the unit of the digests. In float8 (date_part), which the
 * rounding makes exact, rather than extract's numeric: a year's roll-up takes this of every registration.
 */
const millis = ([from, to]: [string, string]) =>
  `round(date_part('epoch', date_trunc('milliseconds', ${to}) - date_trunc('milliseconds', ${from})) * 1000)`;

/** The figure a row counts under, as `registrationOutcome` decides it. */
const OUTCOME_SQL = `case
  when status = 'registered' then 'successful'
  when status = 'rejected' then 'rejected'
  when status = 'expired' then case
    ${RETURN_REASON_PREFIXES.map(([prefix, reason]) => `when starts_with(coalesce(return_reason, ''), '${prefix}') then '${reason}'`).join('\n    ')}
    else 'expired' end
  else 'open' end`;

const FIGURE_OUTCOMES = ['successful', 'open', ...UNSUCCESSFUL_REASONS] as const;

/**
 * The registrations that started on the given Tehran days, each with its day, the day's label, its outcome and the
 * times of its phases. Read span by span (dayWindows) through the index on created_at, so a year of which the
 * roll-up holds all but a few days reads only those days' rows.
 */
function startedOn(days: { day: string; label: string }[]) {
  const windows = dayWindows(days.map((d) => d.day));
  return {
    sql: `periods as (select day::date as day, label from unnest(?::text[], ?::text[]) as p(day, label)),
          windows as (select s, e from unnest(?::timestamptz[], ?::timestamptz[]) as w(s, e)),
          r as (select p.day, p.label, ${OUTCOME_SQL} as outcome,
                       created_at, submitted_at, verified_at, review_started_at, decided_at
                  from windows w
                  join registrations on created_at >= w.s and created_at < w.e
                  join periods p on p.day = (created_at at time zone ?)::date)`,
    bindings: [
      days.map((d) => d.day),
      days.map((d) => d.label),
      windows.map((w) => w.start),
      windows.map((w) => w.next),
      IRAN_TIME_ZONE,
    ],
  };
}

/** Each phase's milliseconds in its digest's bucket, one row per registration and phase it completed. */
const PHASE_BUCKETS_SQL = `b as (select r.day, r.label, v.phase, ${digestBucketSql('v.ms')} as bucket
            from r cross join lateral (values ${PHASES.map((p) => `('${p}', ${millis(PHASE_SQL[p])})`).join(', ')}) as v(phase, ms)
           where v.ms >= 0)`;

const counts = FIGURE_OUTCOMES.map((o) => `count(*) filter (where outcome = '${o}')::int as "${o}"`).join(',\n');

type Row = Record<string, string | number | null>;

const emptyDigests = (): PhaseDigests => ({ applicant: {}, verification: {}, review: {} });

function figure(period: string, row: Row | undefined): PeriodFigures {
  return {
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
  };
}

/**
 * The supervisor's figures counted and their medians taken in PostgreSQL, per period: a year is 500,000 rows
 * at a million registrations over two years, which took seconds to send to Node and group there. A period is a
 * set of Tehran days (its label depends on the day alone), given as the day → label list.
 */
export function createRegistrationFiguresRepo(db: Db) {
  return {
    /**
     * The exact figures of the registrations that started on the given days, per label and in total (medians as
     * percentile_cont takes them); with `digests`, also each phase's durations as digests per label and in total,
     * for adding to days the roll-up holds.
     */
    async periodFigures(days: { day: string; label: string }[], opts: { digests?: boolean } = {}) {
      const labels = [...new Set(days.map((d) => d.label))];
      const none = { periods: new Map<string, PeriodFigures>(), total: figure('total', undefined) };
      if (!days.length) return { ...none, digests: opts.digests ? new Map<string | null, PhaseDigests>() : undefined };
      const from = startedOn(days);
      const medians = PHASES.map(
        (p) =>
          `percentile_cont(0.5) within group (order by ${seconds(PHASE_SQL[p])}) filter (where ${seconds(PHASE_SQL[p])} >= 0) as "${p}"`,
      ).join(',\n');
      const figures = db.raw<{ rows: Row[] }>(
        `with ${from.sql}
         select label, grouping(label) as total, count(*)::int as started, ${counts}, ${medians}
           from r group by grouping sets ((label), ())`,
        from.bindings,
      );
      const buckets = opts.digests
        ? db.raw<{ rows: { label: string | null; phase: string; bucket: number; n: number }[] }>(
            `with ${from.sql}, ${PHASE_BUCKETS_SQL}
             select case when grouping(label) = 1 then null else label end as label, phase, bucket, count(*)::int as n
               from b group by grouping sets ((label, phase, bucket), (phase, bucket))`,
            from.bindings,
          )
        : undefined;
      const [{ rows }, bucketRows] = await Promise.all([figures, buckets]);
      const byLabel = new Map(rows.filter((r) => Number(r.total) === 0).map((r) => [r.label as string, r]));
      let digests: Map<string | null, PhaseDigests> | undefined;
      if (bucketRows) {
        // Keyed by label; null is the whole range.
        digests = new Map();
        for (const b of bucketRows.rows) {
          const d = digests.get(b.label) ?? emptyDigests();
          d[b.phase as keyof PhaseDigests][String(b.bucket)] = b.n;
          digests.set(b.label, d);
        }
      }
      return {
        periods: new Map(labels.map((l) => [l, figure(l, byLabel.get(l))])),
        total: figure(
          'total',
          rows.find((r) => Number(r.total) === 1),
        ),
        digests,
      };
    },
  };
}

/**
 * What the roll-up (db/registration-daily-figures-repo.ts) and a figure's list (db/figure-registrations-repo.ts)
 * share of this reading.
 */
export const REGISTRATION_FIGURES_SQL = { startedOn, PHASE_BUCKETS_SQL, counts, OUTCOME_SQL };
