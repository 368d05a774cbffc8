import { wholeMonths, type ElementDay, type FlowDay } from '../domain/monitor/day-figures.js';
import type { Knex } from 'knex';
import type { Db, Tx } from './knex.js';

// Read as text: node-pg turns a `date` into a Date at local midnight, which a zone other than UTC shifts.
const DAY = "to_char(day, 'YYYY-MM-DD') as day";
const MONTH = "to_char(month, 'YYYY-MM') as month";
const firstDay = (month: string) => `${month}-01`;

/**
 * One month's merge and one day's store take turns (a transaction-scoped lock per month): a merge that read the
 * month's days before a day was stored again would otherwise put back the figures that store had just dropped.
 */
const lockMonth = (trx: Tx, month: string) =>
  trx.raw("select pg_advisory_xact_lock(hashtext('monitor_monthly_elements'), ?)", [
    Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)),
  ]);

const elementOf = (r: Record<string, unknown>, day: string): ElementDay => ({
  day,
  processKey: r.process_key as string,
  definitionId: r.definition_id as string,
  version: r.version as number,
  elementId: r.element_id as string,
  passes: r.passes as number,
  instances: r.instances as number,
  digest: r.duration_digest as ElementDay['digest'],
});
const ELEMENT_COLUMNS = [
  'process_key',
  'definition_id',
  'version',
  'element_id',
  'passes',
  'instances',
  'duration_digest',
] as const;

/**
 * The monitor's daily figures (migration 018): what the daily roll-up stored of each Tehran day, read back
 * for a period; and their monthly merge (migration 020), which a period reads for the whole months it spans.
 * Days are Gregorian dates of Tehran days, `YYYY-MM-DD`; months `YYYY-MM`.
 */
export function createMonitorFiguresRepo(db: Db) {
  return {
    /** Stores one day's figures whole (replacing any earlier roll-up of it), marks the day rolled up, drops its month. */
    async storeDay(day: string, elements: ElementDay[], flows: FlowDay[]) {
      await db.transaction(async (trx) => {
        const month = day.slice(0, 7);
        await lockMonth(trx, month);
        await trx('monitor_monthly_elements')
          .where({ month: firstDay(month) })
          .delete();
        await trx('monitor_rolled_months')
          .where({ month: firstDay(month) })
          .delete();
        await trx('monitor_daily_elements').where({ day }).delete();
        await trx('monitor_daily_flows').where({ day }).delete();
        const rows = elements.map((e) => ({
          day,
          process_key: e.processKey,
          definition_id: e.definitionId,
          version: e.version,
          element_id: e.elementId,
          passes: e.passes,
          instances: e.instances,
          duration_digest: JSON.stringify(e.digest),
        }));
        for (let i = 0; i < rows.length; i += 500) await trx('monitor_daily_elements').insert(rows.slice(i, i + 500));
        const flowRows = flows.map((f) => ({
          day,
          process_key: f.processKey,
          definition_id: f.definitionId,
          version: f.version,
          flow_id: f.flowId,
          taken: f.taken,
        }));
        for (let i = 0; i < flowRows.length; i += 500)
          await trx('monitor_daily_flows').insert(flowRows.slice(i, i + 500));
        await trx('monitor_rolled_days').insert({ day, rolled_at: new Date() }).onConflict('day').merge();
      });
    },

    /** Which of the given days are rolled up already. */
    async rolledDays(days: string[]): Promise<Set<string>> {
      if (!days.length) return new Set();
      const rows: { day: string }[] = await db('monitor_rolled_days').whereIn('day', days).select(db.raw(DAY));
      return new Set(rows.map((r) => r.day));
    },

    /** Those of the given months that are not merged (never, or not since a day of theirs was stored). */
    async unmerged(months: string[]): Promise<string[]> {
      if (!months.length) return [];
      const rows: { month: string }[] = await db('monitor_rolled_months')
        .whereIn(
          'month',
          months.map((m) => firstDay(m)),
        )
        .select(db.raw(MONTH));
      const merged = new Set(rows.map((r) => r.month));
      return months.filter((m) => !merged.has(m));
    },

    /** Months before `beforeMonth` with a day rolled up that are not merged (every one, after a day was stored again). */
    async unmergedMonths(beforeMonth: string): Promise<string[]> {
      const { rows } = await db.raw<{ rows: { month: string }[] }>(
        `select distinct to_char(date_trunc('month', d.day), 'YYYY-MM') as month from monitor_rolled_days d
          where d.day < ?::date
            and not exists (select 1 from monitor_rolled_months m where m.month = date_trunc('month', d.day)::date)
          order by 1`,
        [firstDay(beforeMonth)],
      );
      return rows.map((r) => r.month);
    },

    /**
     * Merges each given month's daily element rows into its monthly rows (replacing any earlier merge) and marks it
     * merged: passes and instances add, digests merge bucket by bucket, in PostgreSQL.
     */
    async mergeMonths(months: string[]) {
      for (const month of months)
        await db.transaction(async (trx) => {
          await lockMonth(trx, month);
          await trx('monitor_monthly_elements')
            .where({ month: firstDay(month) })
            .delete();
          await trx.raw(
            `with d as (select * from monitor_daily_elements
                         where day >= ?::date and day < ?::date + interval '1 month'),
                  buckets as (select definition_id, element_id, b.key, sum(b.value::int)::int as n
                                from d cross join lateral jsonb_each_text(d.duration_digest) as b(key, value)
                               group by 1, 2, 3),
                  digests as (select definition_id, element_id, jsonb_object_agg(key, n) as digest
                                from buckets group by 1, 2),
                  totals as (select process_key, definition_id, version, element_id,
                                    sum(passes)::int as passes, sum(instances)::int as instances
                               from d group by 1, 2, 3, 4)
             insert into monitor_monthly_elements (month, ${ELEMENT_COLUMNS.join(', ')})
             select ?::date, t.process_key, t.definition_id, t.version, t.element_id, t.passes, t.instances,
                    coalesce(g.digest, '{}'::jsonb)
               from totals t left join digests g using (definition_id, element_id)`,
            [firstDay(month), firstDay(month), firstDay(month)],
          );
          await trx('monitor_rolled_months')
            .insert({ month: firstDay(month), rolled_at: new Date() })
            .onConflict('month')
            .merge();
        });
    },

    /**
     * The stored figures of one process (every version, or those given) on the given days: the days of every whole
     * month that is merged as that month's rows (`day` is then the month, YYYY-MM), the other days as they were
     * stored; the flows summed per version over the days.
     */
    async read(processKey: string, days: string[], definitionIds?: string[]) {
      if (!days.length) return { elements: [] as ElementDay[], flows: [] as FlowDay[] };
      const whole = wholeMonths(days);
      const merged: { month: string }[] = whole.months.length
        ? await db('monitor_rolled_months')
            .whereIn(
              'month',
              whole.months.map((m) => firstDay(m)),
            )
            .select(db.raw(MONTH))
        : [];
      const monthly = new Set(merged.map((m) => m.month));
      const byDay = days.filter((d) => !monthly.has(d.slice(0, 7)));
      const mine = (q: Knex.QueryBuilder) => (definitionIds ? q.whereIn('definition_id', definitionIds) : q);
      const [monthRows, dayRows, flowRows] = await Promise.all([
        monthly.size
          ? mine(
              db('monitor_monthly_elements')
                .where({ process_key: processKey })
                .whereIn(
                  'month',
                  [...monthly].map((m) => firstDay(m)),
                ),
            ).select(db.raw(MONTH), ...ELEMENT_COLUMNS)
          : [],
        byDay.length
          ? mine(
              db('monitor_daily_elements')
                .where({ process_key: processKey })
                .whereBetween('day', [byDay[0]!, byDay.at(-1)!])
                .whereRaw('day = any(?::date[])', [byDay]),
            ).select(db.raw(DAY), ...ELEMENT_COLUMNS)
          : [],
        mine(
          db('monitor_daily_flows')
            .where({ process_key: processKey })
            .whereBetween('day', [days[0]!, days.at(-1)!])
            .whereRaw('day = any(?::date[])', [days]),
        )
          .groupBy('process_key', 'definition_id', 'version', 'flow_id')
          .select('process_key', 'definition_id', 'version', 'flow_id', db.raw('sum(taken)::int as taken')),
      ]);
      return {
        elements: [
          ...monthRows.map((r: Record<string, unknown>) => elementOf(r, r.month as string)),
          ...dayRows.map((r: Record<string, unknown>) => elementOf(r, r.day as string)),
        ],
        flows: flowRows.map((r: Record<string, unknown>): FlowDay => ({
          day: `${days[0]}/${days.at(-1)}`,
          processKey: r.process_key as string,
          definitionId: r.definition_id as string,
          version: r.version as number,
          flowId: r.flow_id as string,
          taken: r.taken as number,
        })),
      };
    },
  };
}

export type MonitorFiguresRepo = ReturnType<typeof createMonitorFiguresRepo>;
