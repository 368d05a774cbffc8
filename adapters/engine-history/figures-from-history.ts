import type { ProcessEngine } from '../engine/process-engine.js';
import { PROCESS_ID, REVIEW_PROCESS_ID } from '../engine/process-model.js';
import { monitorModel, type MonitorModel } from '../bpmn/monitor-model.js';
import type { MonitorFiguresRepo } from '../../db/monitor-figures-repo.js';
import type { ElementDay, FlowDay } from '../../domain/monitor/day-figures.js';
import { transitionsOf, variablesDeciding } from '../../domain/monitor/transitions.js';
import { gregorianBucket } from '../../domain/jalali-date.js';
import { parseReportDay } from '../../domain/report-buckets.js';
import type { HistoryReader } from './history-reader.js';

/** Days of history one roll-up query spans. */
const ROLLUP_SPAN_DAYS = 7;

export interface Definition {
  id: string;
  key: string;
  version: number;
}

/** The first instant of a Tehran day given as YYYY-MM-DD, and of the day after. */
export function dayBounds(day: string) {
  const parsed = parseReportDay(day);
  if (!parsed.ok) throw new Error(`not a day: ${day}`);
  return parsed.value;
}

/**
 * The monitor's per-day figures computed from the engine's raw history (elements grouped by the database,
 * flows derived from the visits), and the daily roll-up that stores them in our database while the
 * history still has them. A deployed version's model never changes, so each is read and parsed once.
 */
export function createFiguresFromHistory(deps: {
  reader: HistoryReader;
  engine: Pick<ProcessEngine, 'definitions' | 'definitionXml'>;
  repo: MonitorFiguresRepo;
}) {
  const models = new Map<string, Promise<MonitorModel>>();
  const modelOf = (d: Definition) => {
    let m = models.get(d.id);
    if (!m) {
      m = deps.engine.definitionXml(d.id).then((xml) => monitorModel(xml, d.key));
      m.catch(() => models.delete(d.id));
      models.set(d.id, m);
    }
    return m;
  };
  const definitions = async (keys: string[]): Promise<Definition[]> =>
    (await deps.engine.definitions(keys)).map(({ id, key, version }) => ({ id, key, version }));

  /** Each Tehran day's figures in [from, to) of the given processes, every version. */
  async function compute(keys: string[], from: Date, to: Date): Promise<{ elements: ElementDay[]; flows: FlowDay[] }> {
    const defs = new Map((await definitions(keys)).map((d) => [d.id, d]));
    const flowsOf = new Map(
      await Promise.all([...defs.values()].map(async (d) => [d.id, (await modelOf(d)).flows] as const)),
    );
    const variables = [...new Set([...flowsOf.values()].flatMap(variablesDeciding))];
    const [rows, around] = await Promise.all([
      deps.reader.elementDays(keys, from, to),
      deps.reader.visitsAround(keys, from, to, variables),
    ]);
    const elements: ElementDay[] = rows.flatMap((r) => {
      const d = defs.get(r.definitionId);
      return d ? [{ ...r, processKey: d.key, version: d.version }] : [];
    });
    const byDefinition = new Map<string, typeof around.visits>();
    for (const v of around.visits) {
      const def = around.definitionOf.get(v.processInstanceId)!;
      const list = byDefinition.get(def);
      if (list) list.push(v);
      else byDefinition.set(def, [v]);
    }
    const counted = new Map<string, FlowDay>();
    for (const [defId, visits] of byDefinition) {
      const d = defs.get(defId);
      if (!d) continue;
      for (const t of transitionsOf(visits, flowsOf.get(defId) ?? [], around.updates)) {
        if (t.at < from.getTime() || t.at >= to.getTime()) continue;
        const day = gregorianBucket(new Date(t.at), 'day');
        const k = `${day}|${defId}|${t.flowId}`;
        const f = counted.get(k) ?? {
          day,
          processKey: d.key,
          definitionId: defId,
          version: d.version,
          flowId: t.flowId,
          taken: 0,
        };
        f.taken++;
        counted.set(k, f);
      }
    }
    return { elements, flows: [...counted.values()] };
  }

  return {
    definitions,
    modelOf,
    compute,
    /**
     * Rolls up the given closed Tehran days and stores each, empty ones too: a week's span of history per query (the
     * first night's 90 days, or a benchmark's two years, without holding every visit at once).
     */
    async rollUp(keys: string[], days: string[]) {
      const sorted = [...new Set(days)].sort();
      for (let i = 0; i < sorted.length; i += ROLLUP_SPAN_DAYS) {
        const chunk = sorted.slice(i, i + ROLLUP_SPAN_DAYS);
        const figures = await compute(keys, dayBounds(chunk[0]!).start, dayBounds(chunk.at(-1)!).next);
        for (const day of chunk)
          await deps.repo.storeDay(
            day,
            figures.elements.filter((e) => e.day === day),
            figures.flows.filter((f) => f.day === day),
          );
      }
    },
  };
}

export type FiguresFromHistory = ReturnType<typeof createFiguresFromHistory>;

/** The processes the monitor shows; a day's roll-up holds both, so it is always made for both. */
export const MONITORED_PROCESSES = [PROCESS_ID, REVIEW_PROCESS_ID] as const;

/**
 * The closed Tehran days among `days` the engine's history still holds whole: any activity that ended on a day
 * belongs to an instance that ended that day or later, and the cleanup removes an instance's history
 * `historyDays` after its end; a day more is left as margin for the cleanup's own window.
 */
export function daysHistoryHolds(days: string[], now: Date, historyDays: number) {
  const today = gregorianBucket(now, 'day');
  const oldest = gregorianBucket(new Date(now.getTime() - (historyDays - 1) * 86_400_000), 'day');
  return days.filter((d) => d < today && d >= oldest);
}
