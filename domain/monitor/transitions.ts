import type { ModelFlow } from './model-flows.js';

/** One activity instance of the engine's history, with times in epoch milliseconds. */
export interface Visit {
  processInstanceId: string;
  activityId: string;
  start: number;
  end: number | null;
  /** The engine's sequence counter: the order of two visits that started in the same millisecond. */
  seq: number;
}

/** A variable's value from a given time on, as the history's variable updates record it (outcome codes only). */
export interface VariableUpdate {
  processInstanceId: string;
  name: string;
  value: string | null;
  time: number;
}

export interface Transition {
  flowId: string;
  processInstanceId: string;
  /** When the flow was taken: the target's start. */
  at: number;
}

/** Items grouped by a key, each group in the items' order. */
function groupBy<T>(items: Iterable<T>, key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** The variables whose values decide between flows that join the same two elements (e.g. 9-3's two ways back to step 3). */
export function variablesDeciding(flows: ModelFlow[]): string[] {
  const byPair = groupBy(flows, (f) => `${f.sourceId}>${f.targetId}`);
  const names = new Set<string>();
  for (const same of byPair.values())
    if (same.length > 1) for (const f of same) if (f.condition) names.add(f.condition.variable);
  return [...names];
}

/**
 * The sequence flows taken, derived from the activity instances the engine's history keeps (it keeps no
 * record of flows): for each visit, the latest earlier visit of the same process instance that ended by
 * its start and from whose element a flow leads to it. Looking back past unrelated visits, not just at
 * the previous one, keeps this right where two paths run at once (the review's reminder timer beside
 * the review task) and where a boundary event follows the task it interrupted. Where two flows join the
 * same two elements, the one whose condition held (by the variable's value when the target started) is
 * taken, else the gateway's default.
 */
export function transitionsOf(visits: Visit[], flows: ModelFlow[], updates: VariableUpdate[] = []): Transition[] {
  const into = groupBy(flows, (f) => f.targetId);
  const byInstance = groupBy(visits, (v) => v.processInstanceId);
  const updatesOf = groupBy(
    [...updates].sort((a, b) => a.time - b.time),
    (u) => u.processInstanceId,
  );
  const valueAt = (pid: string, name: string, at: number) =>
    (updatesOf.get(pid) ?? []).filter((u) => u.name === name && u.time <= at).at(-1)?.value;

  const out: Transition[] = [];
  for (const [pid, list] of byInstance) {
    list.sort((a, b) => a.start - b.start || a.seq - b.seq);
    list.forEach((target, i) => {
      const incoming = into.get(target.activityId);
      if (!incoming) return;
      for (let j = i - 1; j >= 0; j--) {
        const source = list[j]!;
        if (source.end === null || source.end > target.start) continue;
        const candidates = incoming.filter((f) => f.sourceId === source.activityId);
        if (!candidates.length) continue;
        const chosen =
          candidates.length === 1
            ? candidates[0]!
            : (candidates.find(
                (f) => f.condition && valueAt(pid, f.condition.variable, target.start) === f.condition.value,
              ) ??
              candidates.find((f) => f.isDefault) ??
              candidates[0]!);
        out.push({ flowId: chosen.id, processInstanceId: pid, at: target.start });
        return;
      }
    });
  }
  return out;
}
