import pg from 'pg';
import type { Config } from '../../config/config.js';
import { summarize, type Summary } from './stats.js';

const HISTORY_TABLES = ['act_hi_actinst', 'act_hi_procinst', 'act_hi_detail'] as const;

export interface CleanupRun {
  seconds: number;
  deleted: Record<(typeof HISTORY_TABLES)[number], number>;
  rowsPerSecond: number;
  /** Instances per second, counting the registrations' and the reviews' process instances. */
  instancesPerSecond: number;
  /** What was left due for removal when the measurement stopped. */
  dueLeft: number;
  /** Starting a review and completing its task in the engine, while the clean-up ran, and before it. */
  workDuring: Summary;
  workBefore: Summary;
  /** The strongest lock the clean-up's sessions held on a table, as seen from pg_locks while it ran. */
  locks: string[];
}

/**
 * The engine's history clean-up (removal-time based, as Operaton is configured) on the seeded history: the
 * cleanup job is made due now through `POST /history/cleanup?immediatelyDue=true` and the rows it deletes are
 * counted for `seconds`; meanwhile a review is started and its task completed again and again, so a blocked
 * engine would show, and the locks the clean-up holds are read from pg_locks.
 */
export async function measureHistoryCleanup(config: Config, engineDbUrl: string, seconds: number): Promise<CleanupRun> {
  const auth = `Basic ${Buffer.from(`${config.ENGINE_ADMIN_USER}:${config.ENGINE_ADMIN_PASSWORD}`).toString('base64')}`;
  const service = `Basic ${Buffer.from(`${config.ENGINE_USER}:${config.ENGINE_PASSWORD}`).toString('base64')}`;
  const rest = async (path: string, init: RequestInit = {}, as = auth) => {
    const res = await fetch(`${config.ENGINE_URL}${path}`, {
      ...init,
      headers: { authorization: as, 'content-type': 'application/json', ...(init.headers ?? {}) },
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${path} answered ${res.status}: ${text}`);
    return text ? (JSON.parse(text) as unknown) : null;
  };
  const db = new pg.Client({ connectionString: engineDbUrl });
  await db.connect();
  const count = async () => {
    const r = await db.query<Record<string, string>>(
      `select ${HISTORY_TABLES.map((t) => `(select count(*) from ${t}) as ${t}`).join(', ')}`,
    );
    return Object.fromEntries(HISTORY_TABLES.map((t) => [t, Number(r.rows[0]![t])])) as CleanupRun['deleted'];
  };
  // One review: started, its task completed by the service account as the API does after a decision.
  const oneReview = async () => {
    const t = performance.now();
    const started = (await rest(
      '/process-definition/key/agency-registration-review/start',
      {
        method: 'POST',
        body: JSON.stringify({
          businessKey: `cleanup-probe-${Date.now()}`,
          variables: {
            reviewReminder: { value: config.REVIEW_REMINDER, type: 'String' },
            agencyName: { value: 'probe', type: 'String' },
            trackingCode: { value: '0', type: 'String' },
          },
        }),
      },
      service,
    )) as { id: string };
    const [task] = (await rest(`/task?processInstanceId=${started.id}`, {}, service)) as { id: string }[];
    await rest(
      `/task/${task!.id}/complete`,
      {
        method: 'POST',
        body: JSON.stringify({ variables: { decision: { value: 'approved', type: 'String' } } }),
      },
      service,
    );
    return performance.now() - t;
  };
  try {
    const before: number[] = [];
    for (let i = 0; i < 5; i++) before.push(await oneReview());
    // The bench keeps the clean-up job suspended while it seeds and reads (the window may be open); here it is let go.
    const jobs = (await rest('/history/cleanup/jobs')) as { id: string }[];
    const suspend = (suspended: boolean) =>
      Promise.all(
        jobs.map((j) => rest(`/job/${j.id}/suspended`, { method: 'PUT', body: JSON.stringify({ suspended }) })),
      );
    await suspend(false);
    const start = await count();
    const t0 = Date.now();
    await rest('/history/cleanup?immediatelyDue=true', { method: 'POST' });
    const during: number[] = [];
    const locks = new Set<string>();
    while (Date.now() - t0 < seconds * 1000) {
      during.push(await oneReview());
      const l = await db.query<{ lock: string }>(
        `select distinct c.relname || ': ' || l.mode as lock from pg_locks l join pg_class c on c.oid = l.relation
           join pg_stat_activity a on a.pid = l.pid
          where a.datname = current_database() and a.query ilike 'delete%' and c.relkind = 'r'`,
      );
      for (const r of l.rows) locks.add(r.lock);
    }
    const elapsed = (Date.now() - t0) / 1000;
    const end = await count();
    await suspend(true);
    const deleted = Object.fromEntries(HISTORY_TABLES.map((t) => [t, start[t] - end[t]])) as CleanupRun['deleted'];
    const dueLeft = Number(
      (
        await db.query<{ n: string }>(
          'select count(*) n from act_hi_actinst where removal_time_ <= now() at time zone current_setting($1)',
          ['TimeZone'],
        )
      ).rows[0]!.n,
    );
    const rows = Object.values(deleted).reduce((a, b) => a + b, 0);
    return {
      seconds: elapsed,
      deleted,
      rowsPerSecond: rows / elapsed,
      instancesPerSecond: deleted.act_hi_procinst / elapsed,
      dueLeft,
      workBefore: summarize(before),
      workDuring: summarize(during),
      locks: [...locks].sort(),
    };
  } finally {
    await db.end();
  }
}
