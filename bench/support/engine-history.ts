import type { ProcessEngine } from '../../adapters/engine/process-engine.js';
import { PROCESS_ID, REVIEW_PROCESS_ID } from '../../adapters/engine/process-model.js';
import { samples, summarize, type Summary } from './stats.js';

/** The engine's date format (`yyyy-MM-dd'T'HH:mm:ss.SSSZ`, offset without a colon). */
const engineDate = (d: Date) => d.toISOString().replace('Z', '+0000');
const PAGE = 2_000;

async function pages<T>(read: (page: { firstResult: number; maxResults: number }) => Promise<T[]>): Promise<T[]> {
  const all: T[] = [];
  for (let first = 0; ; first += PAGE) {
    const page = await read({ firstResult: first, maxResults: PAGE });
    all.push(...page);
    if (page.length < PAGE) return all;
  }
}

export interface StepTime {
  name: string;
  type: string;
  offset: number;
  summary: Summary;
}

/**
 * What the engine recorded of the given registrations (business keys) that started in a window:
 * instance durations, and per element (the review's too) how long it took and when, from the start
 * of the registration, it began on average — "where the time goes, step by step".
 */
export async function historyOf(engine: ProcessEngine, businessKeys: readonly string[], from: Date, to: Date) {
  const keys = new Set(businessKeys);
  const window = {
    startedAfter: engineDate(new Date(from.getTime() - 1_000)),
    startedBefore: engineDate(new Date(to.getTime() + 1_000)),
  };
  const instances = (
    await Promise.all(
      [PROCESS_ID, REVIEW_PROCESS_ID].map((key) =>
        pages((page) => engine.historicInstances({ processDefinitionKey: key, ...window }, page)),
      ),
    )
  ).flat();
  const root = new Map<string, { start: number; businessKey: string }>();
  for (const p of instances)
    if (!p.superProcessInstanceId && p.businessKey && keys.has(p.businessKey))
      root.set(p.id!, { start: Date.parse(p.startTime!), businessKey: p.businessKey });
  const rootOf = new Map<string, string>([...root.keys()].map((id) => [id, id]));
  for (const p of instances)
    if (p.superProcessInstanceId && root.has(p.superProcessInstanceId)) rootOf.set(p.id!, p.superProcessInstanceId);
  const durations = instances
    .filter((p) => root.has(p.id!) && p.durationInMillis != null)
    .map((p) => p.durationInMillis!);

  const definitionIds = [...new Set(instances.filter((p) => rootOf.has(p.id!)).map((p) => p.processDefinitionId!))];
  const activities = (
    await Promise.all(
      definitionIds.map((processDefinitionId) =>
        pages((page) => engine.historicActivities({ processDefinitionId, ...window, finished: true }, page)),
      ),
    )
  ).flat();
  const took = samples();
  const offsets = new Map<string, number[]>();
  const types = new Map<string, string>();
  for (const a of activities) {
    const top = rootOf.get(a.processInstanceId!);
    if (!top || a.durationInMillis == null) continue;
    const type = a.activityType!;
    // Gateways, plain events and the call activity's wrapper take no time of their own worth a line.
    if (!/Task$|serviceTask|userTask|intermediateTimer|callActivity/.test(type)) continue;
    const name = a.activityName ?? a.activityId!;
    took.add(name, a.durationInMillis);
    types.set(name, type);
    const list = offsets.get(name) ?? [];
    list.push(Date.parse(a.startTime!) - root.get(top)!.start);
    offsets.set(name, list);
  }
  const steps: StepTime[] = took
    .summaries()
    .map(([name, summary]) => ({
      name,
      type: types.get(name)!,
      summary,
      offset: summarize(offsets.get(name) ?? []).mean,
    }))
    .sort((a, b) => a.offset - b.offset);
  return { instances: summarize(durations), finished: durations.length, steps };
}
