import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../../db/knex.js';

/** The chaos run's bound on failover: no registration waits longer than this for work a dead node held. */
export const FAILOVER_BOUND_MS = 30_000;

interface Held {
  kind: 'job' | 'task';
  id: string;
  instance: string;
  /** The lock as it was at the kill: another lock, or none, means someone else has taken the work. */
  lockedUntil: string;
}

/**
 * What the engine's tables say is held right now: jobs acquired by a node's job executor (timers, the
 * review's asynchronous start) and external tasks locked for a worker, each still within its lock.
 * Read straight from the engine's database, because the node that holds them may be dead.
 */
export async function heldWork(engineDb: Db, jobIds?: string[]): Promise<Held[]> {
  const jobs = await engineDb('act_ru_job')
    .whereNotNull('lock_owner_')
    .andWhere('lock_exp_time_', '>', engineDb.fn.now())
    .modify((q) => {
      if (jobIds) q.whereIn('id_', jobIds);
    })
    .select<{ id_: string; process_instance_id_: string; lock_exp_time_: Date }[]>(
      'id_',
      'process_instance_id_',
      'lock_exp_time_',
    );
  const tasks = jobIds
    ? []
    : await engineDb('act_ru_ext_task')
        .where('lock_exp_time_', '>', engineDb.fn.now())
        .select<{ id_: string; proc_inst_id_: string; lock_exp_time_: Date }[]>(
          'id_',
          'proc_inst_id_',
          'lock_exp_time_',
        );
  return [
    ...jobs.map((j) => ({
      kind: 'job' as const,
      id: j.id_,
      instance: j.process_instance_id_,
      lockedUntil: new Date(j.lock_exp_time_).toISOString(),
    })),
    ...tasks.map((t) => ({
      kind: 'task' as const,
      id: t.id_,
      instance: t.proc_inst_id_,
      lockedUntil: new Date(t.lock_exp_time_).toISOString(),
    })),
  ];
}

/**
 * From the kill (`since`) until every piece of held work has moved on: executed or completed (its row is
 * gone), or taken by someone else (its lock changed). The delay is the last one's; `limitMs` stops waiting.
 */
export async function untilMovedOn(engineDb: Db, held: Held[], since: number, limitMs = 120_000) {
  const left = new Map(held.map((h) => [h.id, h]));
  let last = since;
  while (left.size > 0 && Date.now() - since < limitMs) {
    const ids = [...left.keys()];
    const [jobs, tasks] = await Promise.all([
      engineDb('act_ru_job')
        .whereIn('id_', ids)
        .select<{ id_: string; lock_exp_time_: Date | null }[]>('id_', 'lock_exp_time_'),
      engineDb('act_ru_ext_task')
        .whereIn('id_', ids)
        .select<{ id_: string; lock_exp_time_: Date | null }[]>('id_', 'lock_exp_time_'),
    ]).catch(() => [undefined, undefined]); // the database itself may be away for a moment
    if (jobs && tasks) {
      const still = new Map([...jobs, ...tasks].map((r) => [r.id_, r.lock_exp_time_]));
      const now = Date.now();
      for (const [id, h] of left) {
        const lock = still.get(id);
        const moved = !still.has(id) || !lock || new Date(lock).toISOString() !== h.lockedUntil;
        if (moved) {
          left.delete(id);
          last = now;
        }
      }
    }
    if (left.size > 0) await sleep(250);
  }
  return {
    /** Kill to the last held piece of work moving on; `undefined` if some had not within `limitMs`. */
    delayMs: left.size === 0 ? last - since : undefined,
    jobs: held.filter((h) => h.kind === 'job').length,
    tasks: held.filter((h) => h.kind === 'task').length,
    registrations: new Set(held.map((h) => h.instance)).size,
  };
}

export type Failover = Awaited<ReturnType<typeof untilMovedOn>>;

export const describeFailover = (f: Failover) =>
  `${f.jobs} job(s) and ${f.tasks} external task(s) of ${f.registrations} registration(s) held at the kill, all moved on ${f.delayMs === undefined ? 'not within the limit' : `after ${(f.delayMs / 1000).toFixed(1)} s`}`;
