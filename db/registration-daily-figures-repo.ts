import { IRAN_TIME_ZONE } from '../domain/jalali-date.js';
import {
  PHASES,
  UNSUCCESSFUL_REASONS,
  type RolledDay,
  type UnsuccessfulReason,
} from '../domain/registration-figures.js';
import type { Db } from './knex.js';
import { CLOSED_STATUSES } from './registrations-repo.js';
import { REGISTRATION_FIGURES_SQL } from './registration-figures-repo.js';

// Read as text: node-pg turns a `date` into a Date at local midnight, which a zone other than UTC shifts.
const DAY = "to_char(day, 'YYYY-MM-DD') as day";
const COUNTED = ['started', 'successful', ...UNSUCCESSFUL_REASONS] as const;

/**
 * The reports' daily roll-up (migration 020): each Tehran day's counts per outcome and phase digests, stored once
 * none of the day's registrations is open. Days are Gregorian dates of Tehran days, `YYYY-MM-DD`.
 */
export function createRegistrationDailyFiguresRepo(db: Db) {
  return {
    /**
     * The days before `today` since the first registration that the roll-up does not hold and none of whose
     * registrations is open (migration 020's index of open registrations finds those), oldest first.
     */
    async pendingDays(today: string): Promise<string[]> {
      const { rows } = await db.raw<{ rows: { day: string }[] }>(
        `select to_char(g.d, 'YYYY-MM-DD') as day
           from generate_series((select (min(created_at) at time zone :tz)::date from registrations),
                                :today::date - 1, interval '1 day') as g(d)
          where not exists (select 1 from registration_daily_figures f where f.day = g.d::date)
            and not exists (select 1 from registrations r
                             where r.status not in (${CLOSED_STATUSES.map((c) => `'${c}'`).join(', ')})
                               and r.created_at >= (g.d::date::timestamp at time zone :tz)
                               and r.created_at < ((g.d::date + 1)::timestamp at time zone :tz))
          order by g.d`,
        { tz: IRAN_TIME_ZONE, today },
      );
      return rows.map((r) => r.day);
    },

    /**
     * Stores the figures of those of the given closed days none of whose registrations is open (a day with none at
     * all too), replacing any earlier roll-up of them, in one statement; returns the days it stored. A day with an
     * open registration is left for a later night: its figures may still change.
     */
    async rollUp(days: string[]): Promise<string[]> {
      if (!days.length) return [];
      const { startedOn, PHASE_BUCKETS_SQL, counts } = REGISTRATION_FIGURES_SQL;
      const from = startedOn(days.map((day) => ({ day, label: day })));
      const digest = (phase: string) => `coalesce(d.digests -> '${phase}', '[]'::json)`;
      const { rows } = await db.raw<{ rows: { day: string }[] }>(
        `with ${from.sql}, ${PHASE_BUCKETS_SQL},
              counted as (select day, count(*)::int as started, ${counts} from r group by day),
              buckets as (select day, phase, bucket, count(*)::int as n from b group by day, phase, bucket),
              packed as (select day, phase, json_agg(v order by bucket, k) as digest
                           from buckets cross join lateral (values (0, bucket), (1, n)) as pair(k, v)
                          group by day, phase),
              -- Materialized: PostgreSQL expects one day where there are 92 and would build the digests again per day.
              digested as materialized (select day, json_object_agg(phase, digest) as digests from packed group by day)
         insert into registration_daily_figures (day, ${COUNTED.join(', ')}, ${PHASES.map((ph) => `${ph}_digest`).join(', ')}, rolled_at)
         select p.day, ${COUNTED.map((c) => `coalesce(c.${c}, 0)`).join(', ')}, ${PHASES.map(digest).join(', ')}, now()
           from periods p left join counted c using (day) left join digested d using (day)
          where coalesce(c.open, 0) = 0
         on conflict (day) do update set
           ${[...COUNTED, ...PHASES.map((ph) => `${ph}_digest`), 'rolled_at'].map((c) => `${c} = excluded.${c}`).join(', ')}
         returning ${DAY}`,
        from.bindings,
      );
      return rows.map((r) => r.day).sort();
    },

    /** The stored figures of those of the given days the roll-up holds (with empty digests unless `digests`). */
    async read(days: string[], { digests = true } = {}): Promise<RolledDay[]> {
      if (!days.length) return [];
      const rows: Record<string, unknown>[] = await db('registration_daily_figures')
        .whereRaw('day = any(?::date[])', [days])
        .select(db.raw(DAY), ...COUNTED, ...(digests ? PHASES.map((p) => `${p}_digest`) : []));
      return rows.map((r) => ({
        day: r.day as string,
        started: r.started as number,
        successful: r.successful as number,
        unsuccessful: Object.fromEntries(UNSUCCESSFUL_REASONS.map((k) => [k, r[k] as number])) as Record<
          UnsuccessfulReason,
          number
        >,
        digests: Object.fromEntries(PHASES.map((p) => [p, r[`${p}_digest`] ?? []])) as RolledDay['digests'],
      }));
    },
  };
}
