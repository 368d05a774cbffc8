import {
  dayBounds,
  daysHistoryHolds,
  MONITORED_PROCESSES,
  type Definition,
  type FiguresFromHistory,
} from '../../adapters/engine-history/figures-from-history.js';
import type { HistoryReader } from '../../adapters/engine-history/history-reader.js';
import type { MonitorFiguresRepo } from '../../db/monitor-figures-repo.js';
import { gregorianBucket } from '../../domain/jalali-date.js';
import { sumElements, sumFlows, wholeMonths } from '../../domain/monitor/day-figures.js';
import { quantile } from '../../domain/monitor/duration-digest.js';
import { bucketLabels } from '../../domain/report-buckets.js';
import { AppError } from '../errors/app-error.js';
import type { MonitorQuery } from './monitor-query.js';

/** The versions a query selects, and the one whose diagram is drawn (the newest of them). */
async function selectVersions(history: FiguresFromHistory, q: Pick<MonitorQuery, 'process' | 'version'>) {
  const all = (await history.definitions([q.process])).sort((a, b) => b.version - a.version);
  const selected: Definition[] =
    q.version === 'all' ? all : q.version === 'latest' ? all.slice(0, 1) : all.filter((d) => d.version === q.version);
  if (!selected.length)
    throw new AppError('monitor_version_unknown', 422, [{ field: 'version', code: 'monitor_version_unknown' }]);
  return { all, selected, shown: selected[0]! };
}

/**
 * The figures of every element and flow of one process's diagram over whole Tehran days: the stored roll-up for
 * closed days (rolling up, on the way, closed days the history still holds that the nightly job has not; whole
 * months from their monthly merge, so a year is about 12 rows per element and the days at its ends), the
 * raw history for today, and where instances wait now. With several versions, figures merge by element id and
 * are shown on the newest version's diagram; an element it no longer has is left out.
 */
export function createMonitorFigures(deps: {
  history: FiguresFromHistory;
  reader: HistoryReader;
  repo: MonitorFiguresRepo;
  now: () => Date;
  historyDays: number;
}) {
  const { history, reader, repo } = deps;

  async function diagram(q: Pick<MonitorQuery, 'process' | 'version'>) {
    const { all, shown } = await selectVersions(history, q);
    return {
      process: q.process,
      definitionId: shown.id,
      version: shown.version,
      versions: all.map((d) => ({ id: d.id, version: d.version })),
    };
  }

  async function figures(q: MonitorQuery) {
    const { selected, shown } = await selectVersions(history, q);
    const ids = selected.map((d) => d.id);
    const model = await history.modelOf(shown);
    const now = deps.now();
    const today = gregorianBucket(now, 'day');
    const days = bucketLabels(q.from, q.to, 'day', 'gregorian');
    const closed = days.filter((d) => d < today);
    const rolled = await repo.rolledDays(closed);
    const rollable = daysHistoryHolds(
      closed.filter((d) => !rolled.has(d)),
      now,
      deps.historyDays,
    );
    await history.rollUp([...MONITORED_PROCESSES], rollable);
    // The whole months of the period read as one row per element (the nightly job merges them; this, any it has not).
    await repo.mergeMonths(await repo.unmerged(wholeMonths(closed).months));
    const stored = await repo.read(q.process, closed, ids);
    const live = days.includes(today)
      ? await history.compute([q.process], dayBounds(today).start, dayBounds(today).next)
      : { elements: [], flows: [] };
    const mine = <T extends { definitionId: string }>(rows: T[]) => rows.filter((r) => ids.includes(r.definitionId));
    const elements = sumElements([...stored.elements, ...mine(live.elements)]);
    const taken = sumFlows([...stored.flows, ...mine(live.flows)]);
    const waiting = new Map<string, number>();
    for (const w of mine(await reader.waitingNow([q.process])))
      waiting.set(w.elementId, (waiting.get(w.elementId) ?? 0) + w.count);
    const leaving = new Map<string, number>();
    for (const f of model.flows) leaving.set(f.sourceId, (leaving.get(f.sourceId) ?? 0) + (taken.get(f.id) ?? 0));

    return {
      process: q.process,
      definitionId: shown.id,
      version: shown.version,
      versions: selected.map((d) => d.version),
      from: q.from.toISOString(),
      to: q.to.toISOString(),
      generatedAt: now.toISOString(),
      days: {
        total: days.length,
        fromRollup: closed.filter((d) => rolled.has(d) || rollable.includes(d)).length,
        fromHistory: days.includes(today) ? 1 : 0,
        withoutData: closed.filter((d) => !rolled.has(d) && !rollable.includes(d)).length,
      },
      elements: model.elements.map((e) => {
        const t = elements.get(e.id);
        return {
          id: e.id,
          name: e.name,
          type: e.type,
          waitingNow: waiting.get(e.id) ?? 0,
          passes: t?.passes ?? 0,
          instances: t?.instances ?? 0,
          medianMs: t ? quantile(t.digest, 0.5) : null,
          p90Ms: t ? quantile(t.digest, 0.9) : null,
        };
      }),
      flows: model.flows.map((f) => {
        const n = taken.get(f.id) ?? 0;
        const out = leaving.get(f.sourceId) ?? 0;
        return {
          id: f.id,
          name: model.flowNames.get(f.id) ?? null,
          sourceId: f.sourceId,
          targetId: f.targetId,
          taken: n,
          share: out ? n / out : null,
        };
      }),
    };
  }

  return { diagram, figures };
}

export type MonitorFigures = Awaited<ReturnType<ReturnType<typeof createMonitorFigures>['figures']>>;
