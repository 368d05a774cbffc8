import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
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
import { createLogger } from '../config/logger.js';
import { addStaff } from '../ops/fixtures/staff.js';
import { useBenchEnv } from '../ops/test-env.js';
import { rollUpRegistrationDays } from '../workers/reports/registration-rollup.js';
import { purgeExpiredData } from '../workers/retention/purge-expired-data.js';
import { timeCockpitDefinitionPage } from './support/cockpit-calls.js';
import { measureHistoryCleanup } from './support/history-cleanup.js';
import { openSeededReviews } from './support/open-reviews.js';
import { timeStaffPages } from './support/staff-pages.js';
import { summarize, type Summary } from './support/stats.js';

/**
 * `npm run bench:history` (after `npm run seed:history`): where the monitor's figures are cheap. The same element
 * figures (visits, median, 90th percentile) for a day and a month are computed from the engine's history over SQL
 * (the read-only role, grouped in PostgreSQL) and over the engine's REST API (every activity instance paged through
 * /history/activity-instance, grouped here); then the nightly roll-up, and the page's month and year views from the
 * rolled-up days. Writes bench/results/<time>-history.md.
 *
 * `npm run bench:history -- --scale` (issue 22, Scale: on a history of a million registrations or as many as
 * the machine holds): the same without the REST month (minutes at that size) and with the page's year rolled up
 * (not every seeded day), then the reports page, the reviewers' list (its first page) and Cockpit's definition
 * page, each 20 times; last the engine's history clean-up and our retention purge, which delete. Writes
 * <time>-history-<size>.md.
 * `-- --pages`: the staff's pages without the rest of --scale (no deletes, no Cockpit), on any seeded history.
 */
useBenchEnv();
const args = parseArgs({
  options: {
    scale: { type: 'boolean', default: false },
    pages: { type: 'boolean', default: false },
    'cleanup-seconds': { type: 'string', default: '180' },
  },
}).values;
const SCALE = args.scale;
// The staff's pages (the reports page, a figure's list, the reviewers' list) without --scale's deletes and Cockpit.
const PAGES = args.pages && !SCALE;
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

const sizeName = (n: number) => (n >= 1_000_000 ? `${(n / 1_000_000).toFixed(0)}m` : `${Math.round(n / 1000)}k`);
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
const restMonth = SCALE ? undefined : await timed(Math.min(RUNS, 2), () => overRest(monthFrom, dayRange.next));
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
// At scale, the days the page's year reads: every seeded day would take an hour and change nothing measured.
const allDays = bucketLabels(
  SCALE ? new Date(now.getTime() - 366 * DAY) : span.first,
  new Date(now.getTime() - DAY),
  'day',
  'gregorian',
);
const rollAll = await timed(1, () => history.rollUp([...MONITORED_PROCESSES], allDays));
// As the nightly job does after its days: every month that is over, merged (the page reads them so).
const mergeAll = await timed(1, async () => {
  const months = await repo.unmergedMonths(gregorianBucket(now, 'month'));
  await repo.mergeMonths(months);
  return months;
});

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
// The seed ends yesterday, so today above is empty. The page as it reads at the end of a whole day: "today" is
// yesterday (a seeded day's registrations), read from the raw history like today, the days before it rolled up.
const endOfYesterday = new Date(dayBounds(yesterday).next.getTime() - 1);
const atDayEnd = createMonitorFigures({ history, reader, repo, now: () => endOfYesterday, historyDays: 90 });
const dayEndRange = (daysBack: number) => ({
  ...range(daysBack),
  to: dayBounds(yesterday).next,
});
const pageMonthDayEnd = await timed(20, () => atDayEnd.figures(dayEndRange(30)));
const pageYearDayEnd = await timed(20, () => atDayEnd.figures(dayEndRange(365)));

async function rollUpReports() {
  console.log("[bench:history] the reports' roll-up of every seeded day, then a night's");
  await db('registration_daily_figures').delete();
  const deps = { db, logger: createLogger({ level: 'silent' }), now: () => now };
  const first = await timed(1, () => rollUpRegistrationDays(deps));
  const night = await timed(1, () => rollUpRegistrationDays(deps));
  return {
    first,
    night,
    // The days it leaves to a later night: those with a registration still open.
    waiting: Number(
      (
        await db.raw<{ rows: { n: string }[] }>(
          `select count(distinct (created_at at time zone 'Asia/Tehran')::date) as n from registrations
            where status not in ('registered', 'rejected', 'expired')`,
        )
      ).rows[0]!.n,
    ),
  };
}

const DAY_MS = 86_400_000;
/** Issue 22's scale checks, on the seeded history: reads first, then what deletes. */
async function scaleRun() {
  console.log('[bench:history] the seeded registrations under review: their reviews started in the engine');
  const openReviews = await openSeededReviews(config, db, process.env.ENGINE_DATABASE_URL!);
  console.log("[bench:history] the reports page and the reviewers' list's first page, 20 times each");
  const staffPages = await timeStaffPages(config, db, now);
  console.log("[bench:history] Cockpit's definition page as a supervisor, each call 20 times");
  const [definition] = await engine.definitions([PROCESS_ID]);
  const cockpit = await timeCockpitDefinitionPage(config.ENGINE_URL, await addStaff(db, 'supervisor'), definition!.id);
  const engineDb = new pg.Client({ connectionString: process.env.ENGINE_DATABASE_URL });
  await engineDb.connect();
  const sizes = (
    await engineDb.query<{ engine: string; actinst: string; due: string; perDay: string }>(
      `select pg_size_pretty(pg_database_size(current_database())) engine,
              pg_size_pretty(pg_total_relation_size('act_hi_actinst')) actinst,
              (select count(*) from act_hi_actinst where removal_time_ <= localtimestamp) due,
              (select count(*) from act_hi_actinst where removal_time_ >= localtimestamp - interval '1 day' and removal_time_ < localtimestamp) "perDay"`,
    )
  ).rows[0]!;
  await engineDb.end();
  const ourSize = (
    await db.raw<{ rows: { s: string }[] }>('select pg_size_pretty(pg_database_size(current_database())) s')
  ).rows[0]!.s;
  console.log('[bench:history] our retention purge, once, on a year of unpurged unsuccessful requests');
  const due = Number(
    (
      await db('registrations')
        .whereIn('status', ['rejected', 'expired'])
        .whereNull('purged_at')
        .where('closed_at', '<', new Date(Date.now() - 90 * DAY_MS))
        .count({ n: '*' })
    )[0]!.n,
  );
  const purgeStart = performance.now();
  const purge = await purgeExpiredData({
    db,
    engine,
    config,
    logger: createLogger({ level: 'silent' }),
    now: () => new Date(),
  }).then(
    (counts) => ({ ok: true as const, counts }),
    (e: Error) => ({ ok: false as const, error: `${e.name}: ${e.message.slice(0, 200)}` }),
  );
  const purgeMs = performance.now() - purgeStart;
  console.log(`[bench:history] the engine's history clean-up for ${args['cleanup-seconds']} s`);
  const cleanup = await measureHistoryCleanup(
    config,
    process.env.ENGINE_DATABASE_URL!,
    Number(args['cleanup-seconds']),
  );
  return { openReviews, staffPages, cockpit, sizes, ourSize, due, purge, purgeMs, cleanup };
}
// The reports' nightly roll-up, the first night's (every seeded day) and then an ordinary one's, before their page.
const reportRollup = SCALE || PAGES ? await rollUpReports() : undefined;
const scale = SCALE ? await scaleRun() : undefined;
if (PAGES) console.log("[bench:history] the reports page and the reviewers' list, 20 times each");
const pagesOnly = PAGES ? await timeStaffPages(config, db, now) : undefined;
// What deleted cannot be measured again on the same history: printed before the report is put together.
if (scale) console.log(JSON.stringify(scale));

const commit = execSync('git rev-parse --short HEAD', { cwd: projectRoot }).toString().trim();
const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', 'T');
const file = path.join(
  projectRoot,
  'bench',
  'results',
  `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 13)}-history${SCALE ? `-${sizeName(Number(counts.procs))}` : ''}.md`,
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
if (restMonth)
  row('30 days, element figures over REST', restMonth.summary, `${restMonth.last.rows} activity instances fetched`);
row(
  'a day, elements and flows over SQL (both processes; flows derived from the visits)',
  flowsDay.summary,
  `${flowsDay.last.flows.length} flow-days`,
);
row('nightly roll-up of one day (both processes, stored)', rollDay.summary);
row(`roll-up of ${SCALE ? 'the last' : 'every seeded day'} (${allDays.length} days)`, rollAll.summary);
row(`monthly merge of those days (${mergeAll.last.length} months)`, mergeAll.summary);
row('the page: 30 days from the roll-up + today from the history', pageMonth.summary);
row('the page: 365 days from the roll-up + today from the history', pageYear.summary);
const visitsIn = (f: typeof pageMonthDayEnd.last) => f.elements.reduce((n, e) => n + e.passes, 0);
row(
  'the page at the end of a whole day: 30 days, "today" (yesterday) from the history',
  pageMonthDayEnd.summary,
  `${pageMonthDayEnd.last.days.fromHistory} day from the history; ${visitsIn(pageMonthDayEnd.last).toLocaleString('en')} visits in the period`,
);
row('the page at the end of a whole day: 365 days, "today" (yesterday) from the history', pageYearDayEnd.summary);
if (reportRollup) {
  row(
    "the reports' roll-up, the first night (every seeded day)",
    reportRollup.first.summary,
    `${reportRollup.first.last.length} days stored; ${reportRollup.waiting} left with a registration open`,
  );
  row(
    "the reports' roll-up, a night after",
    reportRollup.night.summary,
    `${reportRollup.night.last.length} days stored`,
  );
}
if (scale) {
  const procs = Number(counts.procs);
  const days = (span.last.getTime() - span.first.getTime()) / DAY_MS;
  const perDay = procs / days;
  const actsPerRegistration = Number(counts.acts) / procs;
  const slowest = (xs: { summary: Summary }[]) => Math.max(...xs.map((x) => x.summary.p95));
  lines.push(
    '',
    `## The staff's pages (${scale.openReviews} reviews open in the engine)`,
    '',
    '| what | runs | p50 | p95 | max | status, bytes |',
    '|---|---:|---:|---:|---:|---|',
    ...scale.staffPages.map(
      (p) =>
        `| ${p.what} | ${p.summary.n} | ${p.summary.p50.toFixed(0)} | ${p.summary.p95.toFixed(0)} | ${p.summary.max.toFixed(0)} | ${p.status}, ${p.bytes.toLocaleString('en')} |`,
    ),
    '',
    `## Cockpit's process-definition page (the calls the page made in Chromium, as a supervisor; slowest p95 ${slowest(scale.cockpit).toFixed(0)} ms)`,
    '',
    '| view | call | runs | p50 | p95 | max | status |',
    '|---|---|---:|---:|---:|---:|---|',
    ...scale.cockpit.map(
      (c) =>
        `| ${c.view} | \`${c.call.method} ${new URL(c.call.url).pathname.replace(/[0-9a-f]{8}-[0-9a-f-]{27}|agency-registration:\d+:[0-9a-f-]+/g, '{id}')}${new URL(c.call.url).search}\`${c.call.body ? ` ${c.call.body.slice(0, 120)}` : ''} | ${c.summary.n} | ${c.summary.p50.toFixed(0)} | ${c.summary.p95.toFixed(0)} | ${c.summary.max.toFixed(0)} | ${c.status} |`,
    ),
    '',
    "## Deleting: the engine's history clean-up and our retention purge",
    '',
    `Sizes before: engine database ${scale.sizes.engine} (act_hi_actinst ${scale.sizes.actinst}), ours ${scale.ourSize}. Due for removal in act_hi_actinst: ${Number(scale.sizes.due).toLocaleString('en')} rows; a day's worth at this history is about ${Math.round(perDay * actsPerRegistration).toLocaleString('en')} rows (${perDay.toFixed(0)} registrations a day × ${actsPerRegistration.toFixed(1)} activity instances), at 1,000,000 over two years about ${Math.round(1370 * actsPerRegistration).toLocaleString('en')}.`,
    '',
    `- The engine's clean-up (removal-time based, batch size 500, degree of parallelism 1, Operaton's defaults) ran ${scale.cleanup.seconds.toFixed(0)} s: deleted ${Object.entries(
      scale.cleanup.deleted,
    )
      .map(([t, n]) => `${n.toLocaleString('en')} from ${t}`)
      .join(
        ', ',
      )} (each table in its own batches; act_hi_actinst, the largest, sets the pace: ${(scale.cleanup.deleted.act_hi_actinst / scale.cleanup.seconds).toFixed(0)} rows/s); ${scale.cleanup.dueLeft.toLocaleString('en')} activity instances still due when it stopped. At that pace a day's deletions at 1,000,000 over two years take ${((1370 * actsPerRegistration) / (scale.cleanup.deleted.act_hi_actinst / scale.cleanup.seconds)).toFixed(0)} s of its four-hour window, a year's backlog ${((365 * 1370 * actsPerRegistration) / (scale.cleanup.deleted.act_hi_actinst / scale.cleanup.seconds) / 3600).toFixed(1)} h.`,
    `- Meanwhile a review started and its task completed in the engine: p50 ${scale.cleanup.workDuring.p50.toFixed(0)} ms, p95 ${scale.cleanup.workDuring.p95.toFixed(0)} ms over ${scale.cleanup.workDuring.n} (before it: p50 ${scale.cleanup.workBefore.p50.toFixed(0)}, p95 ${scale.cleanup.workBefore.p95.toFixed(0)} over ${scale.cleanup.workBefore.n}). Table locks its deletes held: ${scale.cleanup.locks.join(', ') || 'none seen'}.`,
    `- Our retention purge, one run over ${scale.due.toLocaleString('en')} unsuccessful requests closed more than 90 days ago and not purged (a year of them): ${
      scale.purge.ok
        ? `${(scale.purgeMs / 1000).toFixed(1)} s, ${Object.entries(scale.purge.counts)
            .filter(([, n]) => n)
            .map(([k, n]) => `${n.toLocaleString('en')} ${k}`)
            .join(', ')}`
        : `**failed** after ${(scale.purgeMs / 1000).toFixed(1)} s: ${scale.purge.error}`
    }.`,
  );
}
if (pagesOnly)
  lines.push(
    '',
    "## The staff's pages",
    '',
    '| what | runs | p50 | p95 | max | status, bytes |',
    '|---|---:|---:|---:|---:|---|',
    ...pagesOnly.map(
      (p) =>
        `| ${p.what} | ${p.summary.n} | ${p.summary.p50.toFixed(0)} | ${p.summary.p95.toFixed(0)} | ${p.summary.max.toFixed(0)} | ${p.status}, ${p.bytes.toLocaleString('en')} |`,
    ),
  );
if (!scale)
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
