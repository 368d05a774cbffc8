import type { ElementDay, FlowDay } from '../domain/monitor/day-figures.js';
import type { Db } from './knex.js';

// Read as text: node-pg turns a `date` into a Date at local midnight, which a zone other than UTC shifts.
const DAY = "to_char(day, 'YYYY-MM-DD') as day";

/**
 * The monitor's daily figures (migration 018): what the daily roll-up stored of each Tehran day, read back
 * for a period. Days are Gregorian dates of Tehran days, `YYYY-MM-DD`.
 */
export function createMonitorFiguresRepo(db: Db) {
  return {
    /** Stores one day's figures whole (replacing any earlier roll-up of it) and marks the day rolled up. */
    async storeDay(day: string, elements: ElementDay[], flows: FlowDay[]) {
      await db.transaction(async (trx) => {
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

    /** The stored figures of one process (every version, or those given) on the given days. */
    async read(processKey: string, days: string[], definitionIds?: string[]) {
      if (!days.length) return { elements: [] as ElementDay[], flows: [] as FlowDay[] };
      const [from, to] = [days[0]!, days.at(-1)!];
      const base = (table: string) => {
        const q = db(table).where({ process_key: processKey }).whereBetween('day', [from, to]);
        return definitionIds ? q.whereIn('definition_id', definitionIds) : q;
      };
      const elements = (
        await base('monitor_daily_elements').select(
          db.raw(DAY),
          'process_key',
          'definition_id',
          'version',
          'element_id',
          'passes',
          'instances',
          'duration_digest',
        )
      ).map((r): ElementDay => ({
        day: r.day,
        processKey: r.process_key,
        definitionId: r.definition_id,
        version: r.version,
        elementId: r.element_id,
        passes: r.passes,
        instances: r.instances,
        digest: r.duration_digest,
      }));
      const flows = (
        await base('monitor_daily_flows').select(
          db.raw(DAY),
          'process_key',
          'definition_id',
          'version',
          'flow_id',
          'taken',
        )
      ).map((r): FlowDay => ({
        day: r.day,
        processKey: r.process_key,
        definitionId: r.definition_id,
        version: r.version,
        flowId: r.flow_id,
        taken: r.taken,
      }));
      const wanted = new Set(days);
      return { elements: elements.filter((e) => wanted.has(e.day)), flows: flows.filter((f) => wanted.has(f.day)) };
    },
  };
}

export type MonitorFiguresRepo = ReturnType<typeof createMonitorFiguresRepo>;
