import { randomBytes, randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { PROCESS_ID, REVIEW_PROCESS_ID } from '../adapters/engine/process-model.js';
import { useBenchEnv } from '../ops/test-env.js';
import { pathOf, random, type SeedPath, type SeedVisit } from './support/history-paths.js';

/**
 * `npm run seed:history -- --registrations 100000 --days 730`: a history of that many registrations spread over
 * the days up to yesterday, written straight into the engine's history tables (act_hi_procinst, act_hi_actinst,
 * act_hi_detail) of the benchmarks' engine database, as the engine itself writes them for the deployed versions:
 * what the monitor, Cockpit and the history cleanup read. Only into a database whose name ends in `_test` or holds
 * `bench` (never a real engine's). Ids and outcome codes only, like the real history.
 *
 * Beside it, the same registrations in our database (`registrations`, and `applicant_data` with made-up values
 * where the policy still keeps it): what the reports page, the reviewers' list and the retention purge read.
 * Unsuccessful requests that closed more than `--purged-after` days ago are marked purged, as a year of daily
 * purges would have left them; those between that and the 90 days of the policy are left for the purge to do.
 *
 * Rows go in with COPY, one batch per transaction, the next batch built while the last is written. The tables
 * keep their indexes (the engine's own and our migrations'): the seed must see what the engine pays for them.
 */
useBenchEnv();
const { values } = parseArgs({
  options: {
    registrations: { type: 'string', default: '100000' },
    days: { type: 'string', default: '730' },
    seed: { type: 'string', default: '1405' },
    'purged-after': { type: 'string', default: '455' },
    // Two runs side by side can each seed one year: the days they cover end this many days ago, and their
    // tracking codes and agencies start at this number (by default, after the registrations already there).
    'ending-days-ago': { type: 'string', default: '0' },
    'first-number': { type: 'string' },
  },
});
const total = Number(values.registrations);
const days = Number(values.days);
const url = process.env.ENGINE_DATABASE_URL!;
const database = new URL(url).pathname.slice(1);
const ourUrl = process.env.DATABASE_URL!;
for (const name of [database, new URL(ourUrl).pathname.slice(1)])
  if (!/(_test$|bench)/.test(name)) throw new Error(`refusing to seed ${name}: not a test or benchmark database`);

const HISTORY_TTL_MS = 90 * 86_400_000;
const client = new pg.Client({ connectionString: url });
await client.connect();
const ours = new pg.Client({ connectionString: ourUrl });
await ours.connect();
// A seed that dies halfway is run again from scratch; waiting for each commit's WAL flush buys nothing here.
for (const c of [client, ours]) await c.query('set synchronous_commit = off');
const definition = async (key: string) =>
  (
    await client.query<{ id_: string }>(
      'select id_ from act_re_procdef where key_ = $1 order by version_ desc limit 1',
      [key],
    )
  ).rows[0]!.id_;
const registrationDef = await definition(PROCESS_ID);
const reviewDef = await definition(REVIEW_PROCESS_ID);

const ts = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().replace('T', ' ').replace('Z', ''));
const now = Date.now();
const firstDay = now - (days + Number(values['ending-days-ago'])) * 86_400_000;
const rnd = random(Number(values.seed));

/**
 * Ids in the order they are written, as the engine's own (time-based UUIDs, whose leading part grows with the
 * clock): each index on an id then grows at its end. Random ones cost a random index page each, and made a
 * 100,000 seed slow down from 270 to 80 registrations a second as the indexes outgrew memory.
 */
const node = randomBytes(6).toString('hex');
let counter = 0;
const engineId = () => {
  const c = counter++;
  return `${Math.floor(c / 65_536)
    .toString(16)
    .padStart(8, '0')}-${(c % 65_536).toString(16).padStart(4, '0')}-11f1-a000-${node}`;
};

type Columns = Record<string, (string | number | boolean | null)[]>;
const table = (names: string[]): Columns => Object.fromEntries(names.map((n) => [n, []]));
const ACT =
  'id_ parent_act_inst_id_ proc_def_key_ proc_def_id_ root_proc_inst_id_ proc_inst_id_ execution_id_ act_id_ act_type_ start_time_ end_time_ duration_ act_inst_state_ sequence_counter_ removal_time_ call_proc_inst_id_'.split(
    ' ',
  );
const PROC =
  'id_ proc_inst_id_ business_key_ proc_def_key_ proc_def_id_ start_time_ end_time_ removal_time_ duration_ start_act_id_ end_act_id_ super_process_instance_id_ root_proc_inst_id_ state_'.split(
    ' ',
  );
const DETAIL =
  'id_ type_ proc_def_key_ proc_def_id_ root_proc_inst_id_ proc_inst_id_ execution_id_ act_inst_id_ name_ var_type_ rev_ time_ text_ sequence_counter_ removal_time_ initial_'.split(
    ' ',
  );
const REG =
  'id process_instance_id status return_reason access_token_hash agency_national_id outcome submitted_at verified_at review_started_at decided_at closed_at created_at updated_at purged_at tracking_code'.split(
    ' ',
  );
const APPLICANT =
  'registration_id national_code mobile first_name last_name father_name birth_certificate_number birth_date birth_date_gregorian email agency_name agency_national_id representative_position created_at updated_at'.split(
    ' ',
  );

/** COPY's text format: tab between fields, \N for null; our values hold no tab, newline or backslash but are escaped anyway. */
const field = (v: string | number | boolean | null) =>
  v === null
    ? '\\N'
    : String(v).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);

async function copy(target: pg.Client, name: string, cols: Columns) {
  const names = Object.keys(cols);
  const n = cols[names[0]!]!.length;
  if (!n) return;
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(`${names.map((c) => field(cols[c]![i]!)).join('\t')}\n`);
  await pipeline(
    Readable.from([lines.join('')]),
    target.query(copyFrom(`copy ${name} (${names.join(', ')}) from stdin`)),
  );
}

/** One instance's visits, cut at now: what has not begun is absent, what has not ended is open. */
function addInstance(
  acts: Columns,
  procs: Columns,
  key: string,
  defId: string,
  pid: string,
  root: string,
  businessKey: string,
  visits: SeedVisit[],
  superId: string | null,
  onCall: (v: SeedVisit, actId: string) => string | null,
) {
  const seen = visits.filter((v) => v.start <= now).sort((a, b) => a.start - b.start);
  const last = seen.at(-1)!;
  const ended = last.end <= now && last.type.endsWith('EndEvent');
  const end = ended ? last.end : null;
  const removal = end === null ? null : end + HISTORY_TTL_MS;
  seen.forEach((v, i) => {
    const open = v.end > now;
    const actId = `${v.activityId}:${engineId()}`;
    const calledId = onCall(v, actId);
    const row: (string | number | null)[] = [
      actId,
      pid,
      key,
      defId,
      root,
      pid,
      pid,
      v.activityId,
      v.type,
      ts(v.start),
      open ? null : ts(v.end),
      open ? null : v.end - v.start,
      open
        ? 0
        : v.type.endsWith('EndEvent')
          ? 1
          : v.type === 'userTask' && seen[i + 1]?.type === 'boundaryTimer'
            ? 2
            : 4,
      i * 2 + 1,
      ts(removal),
      calledId,
    ];
    ACT.forEach((c, k) => acts[c]!.push(row[k]!));
  });
  const prow = [
    pid,
    pid,
    businessKey,
    key,
    defId,
    ts(seen[0]!.start),
    ts(end),
    ts(removal),
    end === null ? null : end - seen[0]!.start,
    seen[0]!.activityId,
    ended ? last.activityId : null,
    superId,
    root,
    ended ? 'COMPLETED' : 'ACTIVE',
  ];
  PROC.forEach((c, k) => procs[c]!.push(prow[k]!));
  return removal;
}

const STATUS_AT: [RegExp, string][] = [
  [/Otp/, 'otp'],
  [/Review|Approved|CreateAccount|Notify|Close/, 'under-review'],
  [/Captcha|Letter|CivilRegistry|Shahkar/, 'verifying'],
];
const statusOf = (path: SeedPath, open: string) =>
  open ? (STATUS_AT.find(([re]) => re.test(open))?.[1] ?? 'applicant-data') : path.outcome;
const iso = (ms: number | undefined | null) => (ms == null ? null : new Date(ms).toISOString());
const purgedBefore = now - Number(values['purged-after']) * 86_400_000;
const offset = Number(
  values['first-number'] ?? (await ours.query<{ n: string }>('select count(*) n from registrations')).rows[0]!.n,
);

/** The registration as our database holds it at `now`: its status and phase times, from the same path. */
function addRegistration(regs: Columns, applicants: Columns, n: number, id: string, pid: string, path: SeedPath) {
  const seen = path.visits.filter((v) => v.start <= now);
  const last = seen.at(-1)!;
  const closed = last.end <= now && last.type.endsWith('EndEvent') ? last.end : null;
  const openVisit = closed === null ? (seen.find((v) => v.end > now) ?? last) : null;
  const status = statusOf(path, openVisit?.activityId ?? '');
  const ended = (v: SeedVisit | undefined) => (v && v.end <= now ? v.end : null);
  const submitted = ended(seen.filter((v) => v.activityId === 'Task_ApplicantData').at(-1));
  const verified = path.otpOutcomes.filter((o) => o.value === 'accepted' && o.time <= now).at(-1)?.time ?? null;
  const review = seen.find((v) => v.activityId === 'Call_Review');
  const unsuccessful = status === 'rejected' || status === 'expired';
  const purged = unsuccessful && closed !== null && closed < purgedBefore ? closed + HISTORY_TTL_MS + 3_600_000 : null;
  const agency = String(10_000_000_000 + offset + n);
  const row = [
    id,
    pid,
    status,
    path.returnReason,
    '0'.repeat(64),
    agency,
    closed === null ? null : status,
    iso(submitted),
    iso(verified),
    iso(review?.start),
    iso(ended(review)),
    iso(closed),
    iso(path.visits[0]!.start),
    iso(Math.min(now, last.end)),
    iso(purged),
    String(1_000_000 + offset + n),
  ];
  REG.forEach((c, k) => regs[c]!.push(row[k]!));
  if (purged !== null) return;
  // Made-up values of the right shapes: nobody's data.
  const a = [
    id,
    '0000000000',
    '09000000000',
    'seed',
    'seed',
    'seed',
    '0',
    '1360/01/01',
    '1981-03-21',
    'seed@example.invalid',
    `agency ${n}`,
    agency,
    'seed',
    iso(path.visits[0]!.start),
    iso(path.visits[0]!.start),
  ];
  APPLICANT.forEach((c, k) => applicants[c]!.push(a[k]!));
}

async function inTransaction(target: pg.Client, work: () => Promise<void>) {
  await target.query('begin');
  await work();
  await target.query('commit');
}

const started = Date.now();
const outcomes: Record<string, number> = {};
let back = 0;
let rows = 0;
const BATCH = 2_000;
let writing: Promise<unknown> = Promise.resolve();
for (let done = 0; done < total; done += BATCH) {
  const acts = table(ACT);
  const procs = table(PROC);
  const details = table(DETAIL);
  const regs = table(REG);
  const applicants = table(APPLICANT);
  for (let n = done; n < Math.min(total, done + BATCH); n++) {
    // Spread over the days, in office hours of Tehran (05:00–14:00 UTC).
    // In the order they happened, as the engine writes its history: the time indexes grow at their end too.
    const day = firstDay + Math.floor((n * days) / total) * 86_400_000;
    const start = day - (day % 86_400_000) + 5 * 3_600_000 + Math.floor(rnd() * 9 * 3_600_000);
    const path = pathOf(start, rnd);
    outcomes[path.outcome] = (outcomes[path.outcome] ?? 0) + 1;
    if (path.visits.filter((v) => v.activityId === 'Task_ApplicantData').length > 1) back++;
    const pid = engineId();
    // Our registrations' ids are random (randomUUID), as the API makes them.
    const key = randomUUID();
    const removal = addInstance(acts, procs, PROCESS_ID, registrationDef, pid, pid, key, path.visits, null, (v) => {
      if (!v.calls || v.start > now) return null;
      const rid = engineId();
      addInstance(acts, procs, REVIEW_PROCESS_ID, reviewDef, rid, pid, key, v.calls.visits, pid, () => null);
      return rid;
    });
    addRegistration(regs, applicants, n, key, pid, path);
    for (const o of path.otpOutcomes.filter((x) => x.time <= now)) {
      const row = [
        engineId(),
        'VariableUpdate',
        PROCESS_ID,
        registrationDef,
        pid,
        pid,
        pid,
        pid,
        'otpOutcome',
        'string',
        1,
        ts(o.time),
        o.value,
        1,
        ts(removal),
        false,
      ];
      DETAIL.forEach((c, k) => details[c]!.push(row[k]!));
    }
  }
  // The next batch is built while this one is written.
  await writing;
  writing = Promise.all([
    inTransaction(client, async () => {
      await copy(client, 'act_hi_procinst', procs);
      await copy(client, 'act_hi_actinst', acts);
      await copy(client, 'act_hi_detail', details);
    }),
    inTransaction(ours, async () => {
      await copy(ours, 'registrations', regs);
      await copy(ours, 'applicant_data', applicants);
    }),
  ]);
  rows += acts.id_!.length;
  if ((done / BATCH) % 10 === 0)
    console.log(
      `[seed] ${Math.min(total, done + BATCH)} / ${total} registrations, ${rows} activity instances, ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
}
await writing;
await client.query('analyze act_hi_actinst; analyze act_hi_procinst; analyze act_hi_detail');
await ours.query('analyze registrations; analyze applicant_data');
const size = async (c: pg.Client) =>
  (await c.query<{ s: string }>('select pg_size_pretty(pg_database_size(current_database())) s')).rows[0]!.s;
console.log(
  `[seed] ${total} registrations over ${days} days into ${database}: ${rows} activity instances in ${((Date.now() - started) / 1000).toFixed(0)} s; outcomes ${JSON.stringify(outcomes)}; back to step 3 at least once: ${((100 * back) / total).toFixed(1)} %; engine database ${await size(client)}, ours ${await size(ours)}`,
);
await client.end();
await ours.end();
