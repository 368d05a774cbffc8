import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  createFiguresFromHistory,
  dayBounds,
  MONITORED_PROCESSES,
} from '../adapters/engine-history/figures-from-history.js';
import { createHistoryReader } from '../adapters/engine-history/history-reader.js';
import { serviceEngine } from '../adapters/engine/connect.js';
import { PROCESS_ID } from '../adapters/engine/process-model.js';
import { createMonitorFigures } from '../api/monitor/monitor-figures.js';
import { loadConfig } from '../config/config.js';
import { projectRoot } from '../config/paths.js';
import { createDb } from '../db/knex.js';
import { createMonitorFiguresRepo } from '../db/monitor-figures-repo.js';
import { gregorianBucket } from '../domain/jalali-date.js';
import { digestOf, quantile } from '../domain/monitor/duration-digest.js';
import { bucketLabels } from '../domain/report-buckets.js';
import { useBenchEnv } from '../ops/test-env.js';
import { summarize, type Summary } from './support/stats.js';

/**
 * `npm run bench:history` (after `npm run seed:history`): where the monitor's figures are cheap. The same element
 * figures (visits, median, 90th percentile) for a day and a month are computed from the engine's history over SQL
 * (the read-only role, grouped in PostgreSQL) and over the engine's REST API (every activity instance paged through
 * /history/activity-instance, grouped here); then the nightly roll-up, and the page's month and year views from the
 * rolled-up days. Writes bench/results/<time>-history.md.
 */
useBenchEnv();
const config = loadConfig();
const reader = createHistoryReader(config);
const engine = serviceEngine(config);
const db = createDb(config.DATABASE_URL);
const repo = createMonitorFiguresRepo(db);
const history = createFiguresFromHistory({ reader, engine, repo });
const DAY = 86_400_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

async function timed<T>(runs: number, work: () => Promise<T>): Promise<{ summary: Summary; last: T }> {
  const times: number[] = [];
  let last!: T;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = await work();
    times.push(performance.now() - t);
  }
  return { summary: summarize(times), last };
}

const engineDate = (d: Date) => d.toISOString().replace('Z', '+0000');

/** The element figures over REST: every finished activity instance of the range, paged, grouped here. */
async function overRest(from: Date, to: Date) {
  const defs = (await engine.definitions([PROCESS_ID])).map((d) => d.id);
  const durations = new Map<string, number[]>();
  let rows = 0;
  for (const processDefinitionId of defs)
    for (let first = 0; ; first += 5_000) {
      const page = await engine.historicActivities(
        { processDefinitionId, finished: true, finishedAfter: engineDate(from), finishedBefore: engineDate(to) },
        { firstResult: first, maxResults: 5_000 },
      );
      rows += page.length;
      for (const a of page) {
        const list = durations.get(a.activityId!) ?? [];
        list.push(a.durationInMillis ?? 0);
        durations.set(a.activityId!, list);
      }
      if (page.length < 5_000) break;
    }
  const figures = [...durations].map(([id, ms]) => {
    const d = digestOf(ms);
    return { id, passes: ms.length, median: quantile(d, 0.5), p90: quantile(d, 0.9) };
  });
  return { rows, figures };
}

/** The same over SQL, as the roll-up computes a day (elements only, and with the flows). */
const overSql = (from: Date, to: Date) => reader.elementDays([PROCESS_ID], from, to);

const now = new Date();
const yesterday = gregorianBucket(new Date(now.getTime() - DAY), 'day');
const dayRange = dayBounds(yesterday);
const monthFrom = dayBounds(gregorianBucket(new Date(now.getTime() - 30 * DAY), 'day')).start;
const lines: string[] = [];
const row = (what: string, s: Summary, extra = '') =>
  lines.push(`| ${what} | ${s.n} | ${s.p50.toFixed(0)} | ${s.p95.toFixed(0)} | ${s.max.toFixed(0)} | ${extra} |`);

const owner = new pg.Client({ connectionString: process.env.ENGINE_DATABASE_URL });
await owner.connect();
const counts = (
  await owner.query<{ acts: string; procs: string }>(
    `select (select count(*) from act_hi_actinst) acts, (select count(*) from act_hi_procinst where proc_def_key_ = 'agency-registration') procs`,
  )
).rows[0]!;
const span = (
  await owner.query<{ first: Date; last: Date }>(
    `select min(start_time_) as first, max(start_time_) as last from act_hi_procinst where proc_def_key_ = 'agency-registration'`,
  )
).rows[0]!;
await owner.end();

console.log('[bench:history] a day and a month over SQL and over REST');
const sqlDay = await timed(RUNS, () => overSql(dayRange.start, dayRange.next));
const restDay = await timed(RUNS, () => overRest(dayRange.start, dayRange.next));
const sqlMonth = await timed(RUNS, () => overSql(monthFrom, dayRange.next));
const restMonth = await timed(Math.min(RUNS, 2), () => overRest(monthFrom, dayRange.next));
const flowsDay = await timed(RUNS, () => history.compute([...MONITORED_PROCESSES], dayRange.start, dayRange.next));
// Both ways must agree before their times mean anything.
const sqlPasses = Object.fromEntries(
  sqlDay.last
    .map((r) => [r.elementId, r.passes] as const)
    .reduce((m, [k, v]) => m.set(k, (m.get(k) ?? 0) + v), new Map<string, number>()),
);
const restPasses = Object.fromEntries(restDay.last.figures.map((f) => [f.id, f.passes]));
const agree = JSON.stringify(Object.entries(sqlPasses).sort()) === JSON.stringify(Object.entries(restPasses).sort());

console.log('[bench:history] the nightly roll-up, and every seeded day rolled up');
await db('monitor_rolled_days').delete();
const rollDay = await timed(1, () => history.rollUp([...MONITORED_PROCESSES], [yesterday]));
const allDays = bucketLabels(span.first, new Date(now.getTime() - DAY), 'day', 'gregorian');
const rollAll = await timed(1, () => history.rollUp([...MONITORED_PROCESSES], allDays));

console.log('[bench:history] the page: a month and a year from the roll-up, today from the history');
const monitor = createMonitorFigures({ history, reader, repo, now: () => now, historyDays: 90 });
const range = (daysBack: number) => ({
  process: PROCESS_ID as typeof PROCESS_ID,
  version: 'latest' as const,
  from: dayBounds(gregorianBucket(new Date(now.getTime() - daysBack * DAY), 'day')).start,
  to: dayBounds(gregorianBucket(now, 'day')).next,
});
const pageMonth = await timed(20, () => monitor.figures(range(30)));
const pageYear = await timed(20, () => monitor.figures(range(365)));

const commit = execSync('git rev-parse --short HEAD', { cwd: projectRoot }).toString().trim();
const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', 'T');
const file = path.join(
  projectRoot,
  'bench',
  'results',
  `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 13)}-history.md`,
);
lines.unshift(
  `# The monitor's figures: SQL against REST, and the roll-up — ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  '',
  `Run: \`npm run bench:history\` on the history \`npm run seed:history\` wrote: ${Number(counts.procs).toLocaleString('en')} registrations from ${span.first.toISOString().slice(0, 10)} to ${span.last.toISOString().slice(0, 10)}, ${Number(counts.acts).toLocaleString('en')} activity instances (the review's included). Machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB; load average before ${loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')}; commit ${commit}. Times in ms.`,
  '',
  '| what | runs | p50 | p95 | max | |',
  '|---|---:|---:|---:|---:|---|',
);
row(
  'a day, element figures over SQL (grouped in PostgreSQL, read-only role)',
  sqlDay.summary,
  `${sqlDay.last.length} rows back`,
);
row(
  'a day, element figures over REST (/history/activity-instance, paged, grouped in Node)',
  restDay.summary,
  `${restDay.last.rows} activity instances fetched; same visits per element as SQL: ${agree ? 'yes' : '**no**'}`,
);
row('30 days, element figures over SQL', sqlMonth.summary, `${sqlMonth.last.length} rows back`);
row('30 days, element figures over REST', restMonth.summary, `${restMonth.last.rows} activity instances fetched`);
row(
  'a day, elements and flows over SQL (both processes; flows derived from the visits)',
  flowsDay.summary,
  `${flowsDay.last.flows.length} flow-days`,
);
row('nightly roll-up of one day (both processes, stored)', rollDay.summary);
row(`roll-up of every seeded day (${allDays.length} days)`, rollAll.summary);
row('the page: 30 days from the roll-up + today from the history', pageMonth.summary);
row('the page: 365 days from the roll-up + today from the history', pageYear.summary);
lines.push(
  '',
  'Read: SQL sends PostgreSQL the grouping and gets a few hundred rows back; REST pages every activity instance through the',
  "engine's JSON and groups them in Node, and for flows would need every visit of every instance besides. The page",
  "reads SQL; the roll-up makes a year a read of stored rows. Not measured here: the reports page, the reviewers' list and",
  "Cockpit's definition page on this history, and the engine's cleanup against a year's deletions (issue 22, Scale).",
);
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, `${lines.join('\n')}\n`);
console.log(lines.join('\n'));
console.log(`[bench:history] ${path.relative(projectRoot, file)}`);
await reader.close();
await db.destroy();
