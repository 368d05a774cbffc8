import { mergeDigests, type DurationDigest } from './duration-digest.js';

/** One element's figures for one Tehran day (YYYY-MM-DD, Gregorian) and one deployed version. */
export interface ElementDay {
  day: string;
  processKey: string;
  definitionId: string;
  version: number;
  elementId: string;
  /** Visits that ended that day, and the process instances they belong to. */
  passes: number;
  instances: number;
  digest: DurationDigest;
}

/** How often a sequence flow was taken on one Tehran day (by when its target began). */
export interface FlowDay {
  day: string;
  processKey: string;
  definitionId: string;
  version: number;
  flowId: string;
  taken: number;
}

export interface ElementTotal {
  passes: number;
  instances: number;
  digest: DurationDigest;
}

/**
 * Days and versions summed per element (and per flow): counts add, digests merge. Instances add too, so an
 * instance that passed an element on two days counts twice in the sum; within one day it counts once.
 */
export function sumElements(days: ElementDay[]): Map<string, ElementTotal> {
  const out = new Map<string, ElementTotal>();
  for (const d of days) {
    const t = out.get(d.elementId) ?? { passes: 0, instances: 0, digest: {} };
    t.passes += d.passes;
    t.instances += d.instances;
    mergeDigests(t.digest, d.digest);
    out.set(d.elementId, t);
  }
  return out;
}

export function sumFlows(days: FlowDay[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of days) out.set(d.flowId, (out.get(d.flowId) ?? 0) + d.taken);
  return out;
}

/**
 * The Gregorian months (YYYY-MM) all of whose days are among `days` (YYYY-MM-DD), and the days outside them: what
 * a period reads from the monthly roll-up, and what it reads day by day.
 */
export function wholeMonths(days: string[]): { months: string[]; days: string[] } {
  const byMonth = new Map<string, string[]>();
  for (const d of new Set(days)) byMonth.set(d.slice(0, 7), [...(byMonth.get(d.slice(0, 7)) ?? []), d]);
  const months: string[] = [];
  const rest: string[] = [];
  for (const [month, list] of byMonth) {
    const [y, m] = month.split('-').map(Number) as [number, number];
    if (list.length === new Date(Date.UTC(y, m, 0)).getUTCDate()) months.push(month);
    else rest.push(...list);
  }
  return { months: months.sort(), days: rest.sort() };
}
