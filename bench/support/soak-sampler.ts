import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { promisify } from 'node:util';
import type { Db } from '../../db/knex.js';
import { scrape, sumOf } from './prometheus-text.js';

const run = promisify(execFile);
const MiB = 2 ** 20;

/** A process the soak watches: how to find its pid and, where it serves one, its Prometheus page. */
export interface SoakTarget {
  name: string;
  kind: 'node' | 'jvm';
  pid: () => Promise<number | undefined>;
  metricsUrl: string;
}

/** One process at one moment; NaN where a figure could not be read. */
export interface ProcessSample {
  rssMiB: number;
  heapUsedMiB: number;
  /** Node: the event loop's p99 delay (prom-client's monitor); the JVM has none. */
  eventLoopP99Ms: number;
  /** Node: active handles (sockets, timers, servers); the JVM: live threads. */
  handles: number;
  /** TCP connections of this process to PostgreSQL (its pools), counted by the kernel. */
  pgConnections: number;
  /** The JVM only: heap and non-heap (metaspace, code cache) the JVM has committed, from its actuator. */
  heapCommittedMiB?: number;
  nonHeapCommittedMiB?: number;
}

export interface SoakSample {
  /** Seconds since the load started. */
  t: number;
  at: string;
  load1: number;
  started: number;
  finished: number;
  errors: number;
  inFlight: number;
  processes: Record<string, ProcessSample>;
  /** pg_stat_activity: backends by "database / application_name". */
  pg: Record<string, number>;
}

async function rssMiB(pid: number | undefined) {
  if (!pid) return Number.NaN;
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
  return kb ? Number(kb) / 1024 : Number.NaN;
}

/** Established connections to PostgreSQL's port, by the owning pid (`ss -p` needs no more than root, which this is). */
async function pgConnectionsByPid(pgPort: number): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  const out = await run('ss', ['-tnpH', 'state', 'established', `( dport = :${pgPort} )`]).catch(() => ({
    stdout: '',
  }));
  for (const line of out.stdout.split('\n')) {
    for (const m of line.matchAll(/pid=(\d+)/g)) {
      const pid = Number(m[1]);
      counts.set(pid, (counts.get(pid) ?? 0) + 1);
    }
  }
  return counts;
}

async function pgActivity(db: Db): Promise<Record<string, number>> {
  const { rows } = await db.raw<{ rows: { db: string; app: string; n: number }[] }>(
    `select coalesce(datname, '(none)') as db, coalesce(nullif(application_name, ''), '(unnamed)') as app, count(*)::int as n
       from pg_stat_activity where backend_type = 'client backend' group by 1, 2 order by 1, 2`,
  );
  return Object.fromEntries(rows.map((r) => [`${r.db} / ${r.app}`, r.n]));
}

async function sampleProcess(t: SoakTarget, pgByPid: Map<number, number>): Promise<ProcessSample> {
  const pid = await t.pid();
  const m = await scrape(t.metricsUrl);
  const rss = await rssMiB(pid);
  const pg = pid ? (pgByPid.get(pid) ?? 0) : Number.NaN;
  if (t.kind === 'jvm')
    return {
      rssMiB: rss,
      heapUsedMiB: sumOf(m, 'jvm_memory_used_bytes', { area: 'heap' }) / MiB,
      eventLoopP99Ms: Number.NaN,
      handles: sumOf(m, 'jvm_threads_live_threads'),
      pgConnections: pg,
      heapCommittedMiB: sumOf(m, 'jvm_memory_committed_bytes', { area: 'heap' }) / MiB,
      nonHeapCommittedMiB: sumOf(m, 'jvm_memory_committed_bytes', { area: 'nonheap' }) / MiB,
    };
  return {
    rssMiB: rss,
    heapUsedMiB: sumOf(m, 'nodejs_heap_size_used_bytes') / MiB,
    eventLoopP99Ms: sumOf(m, 'nodejs_eventloop_lag_p99_seconds') * 1000,
    handles: sumOf(m, 'nodejs_active_handles_total'),
    pgConnections: pg,
  };
}

/** Every `everyMs`, each target's memory, event loop, handles and connections, and PostgreSQL's backends. */
export function startSampler(
  targets: SoakTarget[],
  db: Db,
  pgPort: number,
  counts: () => { started: number; finished: number; errors: number; inFlight: number },
  everyMs: number,
  onSample: (s: SoakSample) => void,
) {
  const t0 = Date.now();
  const taken: SoakSample[] = [];
  async function take() {
    const pgByPid = await pgConnectionsByPid(pgPort);
    const processes: Record<string, ProcessSample> = {};
    for (const t of targets) processes[t.name] = await sampleProcess(t, pgByPid);
    const s: SoakSample = {
      t: Math.round((Date.now() - t0) / 1000),
      at: new Date().toISOString(),
      load1: os.loadavg()[0]!,
      ...counts(),
      processes,
      pg: await pgActivity(db).catch(() => ({})),
    };
    taken.push(s);
    onSample(s);
  }
  let timer: NodeJS.Timeout | undefined;
  let pending: Promise<void> = take();
  timer = setInterval(() => {
    pending = pending.then(take, take);
  }, everyMs);
  return {
    samples: taken,
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await pending.catch(() => undefined);
      await take();
    },
  };
}
