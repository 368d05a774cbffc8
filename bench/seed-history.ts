import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { PROCESS_ID, REVIEW_PROCESS_ID } from '../adapters/engine/process-model.js';
import { useBenchEnv } from '../ops/test-env.js';
import { pathOf, random, type SeedVisit } from './support/history-paths.js';

/**
 * `npm run seed:history -- --registrations 100000 --days 730`: a history of that many registrations spread over
 * the days up to yesterday, written straight into the engine's history tables (act_hi_procinst, act_hi_actinst,
 * act_hi_detail) of the benchmarks' engine database, as the engine itself writes them for the deployed versions:
 * what the monitor, Cockpit and the history cleanup read. Only into a database whose name ends in `_test` or holds
 * `bench` (never a real engine's). Ids and outcome codes only, like the real history.
 */
useBenchEnv();
const { values } = parseArgs({
  options: {
    registrations: { type: 'string', default: '100000' },
    days: { type: 'string', default: '730' },
    seed: { type: 'string', default: '1405' },
  },
});
const total = Number(values.registrations);
const days = Number(values.days);
const url = process.env.ENGINE_DATABASE_URL!;
const database = new URL(url).pathname.slice(1);
if (!/(_test$|bench)/.test(database)) throw new Error(`refusing to seed ${database}: not a test or benchmark database`);

const HISTORY_TTL_MS = 90 * 86_400_000;
const client = new pg.Client({ connectionString: url });
await client.connect();
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
const firstDay = now - days * 86_400_000;
const rnd = random(Number(values.seed));

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
const TYPES: Record<string, string> = {
  duration_: 'bigint',
  act_inst_state_: 'int',
  sequence_counter_: 'bigint',
  rev_: 'int',
  initial_: 'boolean',
};
const castOf = (c: string) => (c.endsWith('time_') ? 'timestamp' : (TYPES[c] ?? 'varchar'));

async function insert(name: string, cols: Columns) {
  const names = Object.keys(cols);
  if (!cols[names[0]!]!.length) return;
  await client.query(
    `insert into ${name} (${names.join(', ')}) select * from unnest(${names.map((c, i) => `$${i + 1}::${castOf(c)}[]`).join(', ')})`,
    names.map((c) => cols[c]),
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
    const actId = `${v.activityId}:${randomUUID()}`;
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

const started = Date.now();
const outcomes: Record<string, number> = {};
let back = 0;
let rows = 0;
const BATCH = 1_000;
for (let done = 0; done < total; done += BATCH) {
  const acts = table(ACT);
  const procs = table(PROC);
  const details = table(DETAIL);
  for (let n = done; n < Math.min(total, done + BATCH); n++) {
    // Spread over the days, in office hours of Tehran (05:00–14:00 UTC).
    const day = firstDay + Math.floor(rnd() * days) * 86_400_000;
    const start = day - (day % 86_400_000) + 5 * 3_600_000 + Math.floor(rnd() * 9 * 3_600_000);
    const path = pathOf(start, rnd);
    outcomes[path.outcome] = (outcomes[path.outcome] ?? 0) + 1;
    if (path.visits.filter((v) => v.activityId === 'Task_ApplicantData').length > 1) back++;
    const pid = randomUUID();
    const key = randomUUID();
    const removal = addInstance(acts, procs, PROCESS_ID, registrationDef, pid, pid, key, path.visits, null, (v) => {
      if (!v.calls || v.start > now) return null;
      const rid = randomUUID();
      addInstance(acts, procs, REVIEW_PROCESS_ID, reviewDef, rid, pid, key, v.calls.visits, pid, () => null);
      return rid;
    });
    for (const o of path.otpOutcomes.filter((x) => x.time <= now)) {
      const row = [
        randomUUID(),
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
  await client.query('begin');
  await insert('act_hi_procinst', procs);
  await insert('act_hi_actinst', acts);
  await insert('act_hi_detail', details);
  await client.query('commit');
  rows += acts.id_!.length;
  if ((done / BATCH) % 20 === 0)
    console.log(
      `[seed] ${Math.min(total, done + BATCH)} / ${total} registrations, ${rows} activity instances, ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
}
await client.query('analyze act_hi_actinst; analyze act_hi_procinst; analyze act_hi_detail');
console.log(
  `[seed] ${total} registrations over ${days} days into ${database}: ${rows} activity instances in ${((Date.now() - started) / 1000).toFixed(0)} s; outcomes ${JSON.stringify(outcomes)}; back to step 3 at least once: ${((100 * back) / total).toFixed(1)} %`,
);
await client.end();
