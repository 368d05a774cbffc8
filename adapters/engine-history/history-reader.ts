import type { Config } from '../../config/config.js';
import { digestBucketSql } from '../../db/duration-digest-sql.js';
import { createDb, type Db } from '../../db/knex.js';
import { IRAN_TIME_ZONE } from '../../domain/jalali-date.js';
import type { VariableUpdate, Visit } from '../../domain/monitor/transitions.js';

type ReaderConfig = Pick<Config, 'ENGINE_HISTORY_DATABASE_URL' | 'ENGINE_HISTORY_TIME_ZONE'>;

export interface ElementDayRow {
  day: string;
  definitionId: string;
  elementId: string;
  passes: number;
  instances: number;
  /** Bucket (domain/monitor/duration-digest.ts) → visits. */
  digest: Record<string, number>;
}

/**
 * The engine's history tables read straight from its PostgreSQL database, as the read-only role of
 * ENGINE_HISTORY_DATABASE_URL (ops/engine/history-reader.ts grants it SELECT on three tables and nothing else).
 * Grouped in the database where that is cheap (counts and duration buckets per day and element); the flows
 * taken are derived in domain/monitor/transitions.ts from the visits this returns. Times in the tables are the
 * engine JVM's local time (ENGINE_HISTORY_TIME_ZONE); days are Tehran's. Ids, times and outcome codes only.
 */
export function createHistoryReader(
  config: ReaderConfig,
  db: Db = createDb(config.ENGINE_HISTORY_DATABASE_URL, { min: 0, max: 4 }, undefined, 'payam-history-reader'),
) {
  const tz = config.ENGINE_HISTORY_TIME_ZONE;
  // Our instant as the engine's local timestamp, so the engine's own indexes on start_time_ and end_time_ serve.
  const local = (d: Date) => db.raw('(?::timestamptz at time zone ?)', [d.toISOString(), tz]);
  const day = (column: string) =>
    db.raw(`to_char((${column} at time zone ?) at time zone ?, 'YYYY-MM-DD')`, [tz, IRAN_TIME_ZONE]);
  const epochMs = (column: string) =>
    `floor(extract(epoch from (${column} at time zone '${tz.replace(/'/g, '')}')) * 1000)`;

  return {
    /** Per Tehran day (of the visit's end), version and element: visits, instances, and the durations' buckets. */
    async elementDays(processKeys: string[], from: Date, to: Date): Promise<ElementDayRow[]> {
      const ended = () =>
        db('act_hi_actinst')
          .whereIn('proc_def_key_', processKeys)
          .where('end_time_', '>=', local(from))
          .where('end_time_', '<', local(to));
      const [counts, buckets] = await Promise.all([
        ended()
          .select({ day: day('end_time_'), definitionId: 'proc_def_id_', elementId: 'act_id_' })
          .count({ passes: '*' })
          .countDistinct({ instances: 'proc_inst_id_' })
          .groupBy(1, 2, 3),
        ended()
          .select({
            day: day('end_time_'),
            definitionId: 'proc_def_id_',
            elementId: 'act_id_',
            bucket: db.raw(digestBucketSql('duration_')),
          })
          .count({ n: '*' })
          .groupBy(1, 2, 3, 4),
      ]);
      const out = new Map<string, ElementDayRow>();
      const key = (r: { day: string; definitionId: string; elementId: string }) =>
        `${r.day}|${r.definitionId}|${r.elementId}`;
      for (const r of counts as unknown as Record<string, string>[])
        out.set(key(r as never), {
          day: r.day!,
          definitionId: r.definitionId!,
          elementId: r.elementId!,
          passes: Number(r.passes),
          instances: Number(r.instances),
          digest: {},
        });
      for (const r of buckets as unknown as Record<string, string>[]) {
        const row = out.get(key(r as never));
        if (row) row.digest[String(Number(r.bucket))] = Number(r.n);
      }
      return [...out.values()];
    },

    /** Visits still open now, per version and element: where instances wait. */
    async waitingNow(processKeys: string[]) {
      const rows = (await db('act_hi_actinst')
        .whereIn('proc_def_key_', processKeys)
        .whereNull('end_time_')
        .select({ definitionId: 'proc_def_id_', elementId: 'act_id_' })
        .count({ n: '*' })
        .groupBy(1, 2)) as unknown as { definitionId: string; elementId: string; n: string }[];
      return rows.map((r) => ({ definitionId: r.definitionId, elementId: r.elementId, count: Number(r.n) }));
    },

    /**
     * Every visit of the instances that began a visit in [from, to), with their versions, and the updates of
     * the named variables in them: what transitionsOf needs for the flows taken in that time.
     */
    async visitsAround(processKeys: string[], from: Date, to: Date, variables: string[]) {
      // The instances first, then their visits one instance at a time. Given a subquery, or an array of ids, PostgreSQL
      // guesses each instance's visits from the sampled distinct ids (53,000 of 2 million at a million registrations:
      // 577 visits each, not 25) and scans the whole table in parallel instead (2.5 s on 3 million visits, 3 s on 30
      // million). The lateral subquery, kept apart by `offset 0`, can only be a lookup in the engine's
      // (proc_inst_id_, act_id_) index per instance: 130 ms for a day's 2,336 (bench/results/, "a day, elements and
      // flows").
      const started: { id: string }[] = await db('act_hi_actinst')
        .select({ id: 'proc_inst_id_' })
        .whereIn('proc_def_key_', processKeys)
        .where('start_time_', '>=', local(from))
        .where('start_time_', '<', local(to))
        .groupBy('proc_inst_id_');
      const instances = started.map((r) => r.id);
      if (!instances.length) return { visits: [], updates: [], definitionOf: new Map<string, string>() };
      const eachOf = (table: string) =>
        db.raw(
          `unnest(?::text[]) as i(id) cross join lateral (select * from ${table} t where t.proc_inst_id_ = i.id offset 0) v`,
          [instances],
        );
      const rows: {
        processInstanceId: string;
        definitionId: string;
        activityId: string;
        start: string;
        end: string | null;
        seq: string | null;
      }[] = await db.from(eachOf('act_hi_actinst')).select({
        processInstanceId: 'v.proc_inst_id_',
        definitionId: 'v.proc_def_id_',
        activityId: 'v.act_id_',
        start: db.raw(epochMs('v.start_time_')),
        end: db.raw(epochMs('v.end_time_')),
        seq: 'v.sequence_counter_',
      });
      const definitionOf = new Map<string, string>();
      const visits: Visit[] = rows.map((r) => {
        definitionOf.set(r.processInstanceId, r.definitionId);
        return {
          processInstanceId: r.processInstanceId,
          activityId: r.activityId,
          start: Number(r.start),
          end: r.end === null ? null : Number(r.end),
          seq: Number(r.seq ?? 0),
        };
      });
      const raw: { processInstanceId: string; name: string; value: string | null; time: string }[] = variables.length
        ? await db
            .from(eachOf('act_hi_detail'))
            .whereIn('v.name_', variables)
            .where({ 'v.type_': 'VariableUpdate' })
            .select({
              processInstanceId: 'v.proc_inst_id_',
              name: 'v.name_',
              value: 'v.text_',
              time: db.raw(epochMs('v.time_')),
            })
        : [];
      const updates: VariableUpdate[] = raw.map((u) => ({ ...u, time: Number(u.time) }));
      return { visits, updates, definitionOf };
    },

    /** The business keys (registration or certificate-request ids) of the given instances. */
    async businessKeys(processInstanceIds: string[]) {
      if (!processInstanceIds.length) return new Map<string, string>();
      const rows: { id: string; key: string | null }[] = await db('act_hi_procinst')
        .whereIn('id_', processInstanceIds)
        .select({ id: 'id_', key: 'business_key_' });
      return new Map(rows.filter((r) => r.key).map((r) => [r.id, r.key!]));
    },

    close: () => db.destroy(),
  };
}

export type HistoryReader = ReturnType<typeof createHistoryReader>;
