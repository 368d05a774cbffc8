import type { Knex } from 'knex';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AddressInfo } from 'node:net';
import { serviceEngine, staffIdentity } from '../adapters/engine/connect.js';
import { deployModels } from '../adapters/engine/deploy-models.js';
import { createAuditRepo } from '../db/audit-repo.js';
import { loadConfig } from '../config/config.js';
import { createLogger } from '../config/logger.js';
import { createDb, migrateLatest } from '../db/knex.js';
import { createMailCatcher } from '../simulators/mail-catcher/create-mail-catcher.js';
import { buildPgsbSimulator } from '../simulators/pgsb/server.js';
import { buildSmsSimulator } from '../simulators/sms/server.js';
import { backupRestoreDrill } from './chaos/backup-restore-drill.js';
import { checkRow, type RowOutcome } from './chaos/checks.js';
import { describeFailover, FAILOVER_BOUND_MS, heldWork, untilMovedOn, type Failover } from './chaos/failover.js';
import { startCuttableProxy } from './chaos/cuttable-proxy.js';
import { journeys, type JourneyResult } from './chaos/journey.js';
import { freePort, startPrivatePostgres, startPrivateRedis } from './chaos/private-services.js';
import { engineNode, nodeService } from './chaos/processes.js';
import { measureWakeup } from './chaos/wakeup-delay.js';
import { projectRoot } from '../config/paths.js';
import { createStaffCommands } from './staff-commands.js';

/**
 * `npm run chaos`: the whole system on loopback — its own PostgreSQL, Redis, two engine nodes on one
 * database, the API and two workers processes, the simulators — driving registrations through the
 * public API while each fault of docs/reliability.md happens, then checking every registration.
 * Bounded: CHAOS_REGISTRATIONS per row (6), CHAOS_MAX_MINUTES in all (40 per run); stops by itself.
 */
const PER_ROW = Number(process.env.CHAOS_REGISTRATIONS ?? 6);
const ONLY = process.env.CHAOS_ROWS?.split(',').map(Number);
/** `npm run chaos -- --runs 3`: every row that many times; a row passes only if every run of it does. */
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : Number(process.env.CHAOS_RUNS ?? 1);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs takes a whole number of runs, 1 or more');
const MAX_MS = Number(process.env.CHAOS_MAX_MINUTES ?? 40) * 60_000 * RUNS;
const root = path.join(projectRoot, '.cache/chaos');
const logDir = path.join(root, 'logs');
mkdirSync(logDir, { recursive: true });
const say = (m: string) => console.log(`[chaos] ${m}`);
const began = Date.now();
const cleanups: (() => unknown)[] = [];
const watchdog = setTimeout(() => {
  say(`stopping: ${MAX_MS / 60_000} minutes passed`);
  void shutdown(2);
}, MAX_MS);

async function shutdown(code: number) {
  clearTimeout(watchdog);
  for (const c of cleanups.reverse())
    await Promise.resolve()
      .then(c)
      .catch(() => undefined);
  process.exit(code);
}
process.once('SIGINT', () => void shutdown(130));

try {
  // Outside systems, in this process: their fault switches are the drills' levers.
  const logger = createLogger({ level: 'warn', name: 'chaos' });
  const pgsbSim = buildPgsbSimulator();
  const smsSim = buildSmsSimulator();
  await pgsbSim.listen({ port: 0, host: '127.0.0.1' });
  await smsSim.listen({ port: 0, host: '127.0.0.1' });
  const mail = createMailCatcher({ smtpPort: 0, httpPort: 0, logger });
  const mailPorts = await mail.start();
  const smtp = await startCuttableProxy({ host: '127.0.0.1', port: mailPorts.smtpPort });
  cleanups.push(
    () => pgsbSim.close(),
    () => smsSim.close(),
    () => mail.stop(),
    () => smtp.close(),
  );
  const pgsbUrl = `http://127.0.0.1:${(pgsbSim.server.address() as AddressInfo).port}`;
  const smsUrl = `http://127.0.0.1:${(smsSim.server.address() as AddressInfo).port}`;

  say('starting a private PostgreSQL and Redis');
  const pg = await startPrivatePostgres(path.join(root, 'pg'));
  cleanups.push(() => pg.stop());
  pg.createDatabase('payam');
  pg.createDatabase('operaton');
  const redis = await startPrivateRedis();
  cleanups.push(() => redis.stop());

  const [portA, portB, apiPort] = [await freePort(), await freePort(), await freePort()];
  process.env.ENGINE_DATABASE_POOL ??= '12';
  process.env.PAYAM_DEV_DEFAULTS = '1';
  const A = engineNode('A', portA, pg.url('operaton'), path.join(root, 'engine-a'));
  const B = engineNode('B', portB, pg.url('operaton'), path.join(root, 'engine-b'));
  cleanups.push(
    () => A.kill(),
    () => B.kill(),
  );
  say('starting engine node A, then B, on one database');
  await A.start();
  await B.start();

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PAYAM_DEV_DEFAULTS: '1',
    TEST_HOOKS: '1',
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATABASE_URL: pg.url('payam'),
    REDIS_URL: redis.url,
    ENGINE_URL: `${A.url},${B.url}`,
    PGSB_BASE_URL: pgsbUrl,
    SMS_BASE_URL: smsUrl,
    SMTP_PORT: String(smtp.port),
    API_PORT: String(apiPort),
    // Any free port: two workers processes (or npm start beside the run) cannot share the fixed 9464/9465, and the
    // second one died at start, leaving one workers process where the matrix means two.
    API_METRICS_PORT: '0',
    WORKERS_METRICS_PORT: '0',
    PGSB_TIMEOUT_MS: '2000',
    SMS_TIMEOUT_MS: '2000',
    JOB_RETRY_BACKOFF_MS: '1000',
    NOTICE_RETRY_BACKOFF_MS: '500',
    NOTICE_SWEEP_MS: '2000',
    NOTICE_SWEEP_GRACE_MS: '5000',
    SUBMIT_WAIT_MS: '1000',
    OTP_RESEND_COOLDOWN_SECONDS: '0',
    RATE_LIMIT_START_MAX: '100000',
    RATE_LIMIT_SUBMIT_MAX: '100000',
    RATE_LIMIT_OTP_MAX: '100000',
    RATE_LIMIT_CAPTCHA_MAX: '100000',
    RATE_LIMIT_LOGIN_MAX: '100000',
  };
  const config = loadConfig(env);
  const db = createDb(config.DATABASE_URL, { min: 0, max: 4 });
  // The engine's own tables, read directly: what a dead node held is visible there and nowhere else.
  const engineDb = createDb(pg.url('operaton'), { min: 0, max: 2 });
  cleanups.push(
    () => db.destroy(),
    () => engineDb.destroy(),
  );
  say(
    `migrations: ${(await migrateLatest(db)).length}; deployed: ${(await deployModels(serviceEngine(config), { audit: createAuditRepo(db), actor: 'ops:chaos' })).join(', ')}`,
  );
  await createStaffCommands(db, staffIdentity(config)).add(
    'chaosreviewer',
    'reviewer',
    'reviewing agencies all day long',
  );

  // Before and after: how long a task created on node B waits for a worker long-polling node A.
  say('measuring the cross-node wake-up delay');
  const deployer = { audit: createAuditRepo(db), actor: 'ops:chaos' };
  const before = await measureWakeup(config, B.url, logger, false, deployer);
  const after = await measureWakeup(config, B.url, logger, true, deployer);
  say(
    `wake-up delay, one poll on A: median ${before.median} ms, max ${before.max} ms; every node polled: median ${after.median} ms, max ${after.max} ms`,
  );

  const api = nodeService('api', 'api/server.ts', env, logDir, apiPort);
  const workers = [
    nodeService('workers-1', 'workers/main.ts', env, logDir),
    nodeService('workers-2', 'workers/main.ts', env, logDir),
  ];
  cleanups.push(() => api.kill(), ...workers.map((w) => () => w.kill()));
  await api.start();
  for (const w of workers) await w.start();
  const apiUrl = `http://127.0.0.1:${apiPort}`;

  let reviewerToken = '';
  const login = async () => {
    for (;;) {
      const res = await fetch(`${apiUrl}/api/staff/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'chaosreviewer', password: 'reviewing agencies all day long' }),
      }).catch(() => undefined);
      if (res?.ok) return void (reviewerToken = ((await res.json()) as { token: string }).token);
      await sleep(1_000);
    }
  };
  await login();
  const register = journeys({
    api: apiUrl,
    pgsb: pgsbUrl,
    sms: smsUrl,
    reviewerToken: () => reviewerToken,
    deadlineMs: 240_000,
  });
  // The restore stops everything for minutes (two engine nodes started again on a loaded machine take two or three):
  // an applicant in flight then has 8 minutes, not 4, to finish.
  const registerAfterRestore = journeys({
    api: apiUrl,
    pgsb: pgsbUrl,
    sms: smsUrl,
    reviewerToken: () => reviewerToken,
    deadlineMs: 480_000,
  });
  const engine = serviceEngine(config);
  const drill = backupRestoreDrill({
    pg,
    dir: path.join(root, 'backup-drill'),
    db,
    engine,
    engines: [A, B],
    services: [api, ...workers],
    say,
  });
  cleanups.push(() => drill.stopArchive());
  const simPost = (url: string, body: unknown) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  /** What an operator does in Cockpit once the cause is mended: retry every open incident. */
  async function retryIncidents() {
    const open = await engine.incidents({ incidentType: 'failedExternalTask' });
    for (const i of open) await engine.setExternalTaskRetries(i.configuration!, 1).catch(() => undefined);
    return open.map((i) => i.incidentMessage ?? '');
  }

  interface Row {
    n: number;
    fault: string;
    expected: string;
    /** What happened, and for an engine node killed, how long the work it held waited (bounded). */
    act: (batch: Promise<JourneyResult>[]) => Promise<{ happened: string; failover?: Failover }>;
    /** Before the row's registrations start (so none can pass the point the drill needs first). */
    before?: () => Promise<unknown>;
    operator?: boolean;
    /** Its own applicants, when the fault takes the system away for longer than the usual deadline allows. */
    register?: () => Promise<JourneyResult>;
  }
  const did = (happened: string) => ({ happened });
  const NOTHING_HELD: Failover = { delayMs: undefined, jobs: 0, tasks: 0, registrations: 0 };

  /** The job definition of the review's asynchronous start (card step 10), to hold its jobs back and let them go. */
  async function reviewStartJobs(suspended: boolean) {
    const definitions = await engine.jobDefinitions({
      processDefinitionKey: 'agency-registration',
      activityIdIn: 'Call_Review',
    });
    for (const d of definitions) await engine.setJobDefinitionSuspended(d.id!, suspended);
    return definitions.map((d) => d.id!);
  }
  const rows: Row[] = [
    {
      n: 1,
      fault: 'a workers process SIGKILLed mid-task, started again 8 s later',
      expected: 'its locks expire, the other process takes the tasks, effects once',
      act: async () => {
        // Codes are sent slowly (the gateway hangs until the timeout), so workers-1 is caught holding a task.
        await simPost(`${smsUrl}/__sim/faults`, { mode: 'timeout', count: 4 });
        const holding = async () => {
          return (await engine.lockedExternalTasks())
            .filter((t) => t.workerId?.includes(`-${workers[0]!.pid}-`))
            .map((t) => t.topicName);
        };
        let held: (string | null | undefined)[] = [];
        for (let i = 0; i < 200 && held.length === 0; i++) {
          held = await holding();
          if (held.length === 0) await sleep(100);
        }
        await workers[0]!.kill();
        await sleep(8_000);
        await workers[0]!.start();
        return did(
          `workers-1 SIGKILLed holding ${held.length} locked task(s) (${[...new Set(held)].join(', ') || 'none'}); the other process took them once the lock expired`,
        );
      },
    },
    {
      n: 2,
      fault: 'the engine (both nodes) SIGKILLed under load, started again',
      expected: 'the API answers 503 meanwhile; everything continues after the start',
      act: async () => {
        A.kill();
        B.kill();
        await sleep(3_000);
        await A.start();
        await B.start();
        return did('both nodes killed and restarted');
      },
    },
    {
      n: 3,
      fault: 'engine node A SIGKILLed under load (two nodes, one database), back after 15 s',
      expected: `API and workers go on with node B; what A held moves on within ${FAILOVER_BOUND_MS / 1000} s; A rejoins`,
      act: async () => {
        // Killed while work is held (a job acquired, a task locked), so there is something to fail over.
        let held = await heldWork(engineDb);
        for (let i = 0; i < 300 && held.length === 0; i++) {
          await sleep(200);
          held = await heldWork(engineDb);
        }
        A.kill();
        const killedAt = Date.now();
        const failover = untilMovedOn(engineDb, held, killedAt);
        await sleep(15_000);
        await A.start();
        const f = await failover;
        return { happened: `node A killed: ${describeFailover(f)}; A restarted`, failover: f };
      },
    },
    {
      n: 4,
      fault: 'PostgreSQL restarted under load (down 5 s)',
      expected: 'API answers 503 with a Persian message during the gap, then recovers; nothing half-written',
      act: async () => {
        await pg.restart(5_000);
        return did('PostgreSQL stopped (fast) and started');
      },
    },
    {
      n: 5,
      fault: 'Redis killed and restarted empty (down 3 s) while notices wait in the queue',
      expected:
        'every SMS and e-mail still delivered exactly once (outbox and sweeper); rate-limited routes answer 503 meanwhile',
      operator: true,
      act: async () => {
        // Hold the notices in BullMQ (SMTP and the SMS gateway failing) so that Redis takes their jobs with it.
        smtp.cut();
        await simPost(`${smsUrl}/__sim/faults`, { mode: 'error' });
        await sleep(25_000);
        const queued = await db('notifications').where({ status: 'queued' }).count<{ n: string }[]>('* as n');
        await redis.restart(3_000);
        smtp.restore();
        await fetch(`${smsUrl}/__sim/faults`, { method: 'DELETE' });
        return did(`Redis restarted with its data gone while ${queued[0]!.n} notices waited in the queue`);
      },
    },
    {
      n: 6,
      fault: 'PGSB down for 30 s',
      expected: "retries with back-off, then an incident naming PGSB; Cockpit's retry finishes the registration",
      operator: true,
      act: async () => {
        for (const service of ['civil-registry', 'shahkar'])
          await simPost(`${pgsbUrl}/__sim/faults`, { service, mode: 'error' });
        await sleep(30_000);
        const open = (await retryIncidents().catch(() => [])).length;
        await fetch(`${pgsbUrl}/__sim/faults`, { method: 'DELETE' });
        const data = await engine.historicIncidents({ incidentType: 'failedExternalTask' });
        const naming = data.filter((i) => /^PGSB_/.test(i.incidentMessage ?? '')).length;
        return did(`${naming} incidents naming PGSB (${open} open at the end of the outage), retried as from Cockpit`);
      },
    },
    {
      n: 7,
      fault: 'SMS gateway down (6 calls), then slow past the timeout (4 calls), while codes are sent',
      expected: 'retries; one SMS per code; incidents (if any) retried',
      operator: true,
      act: async () => {
        await simPost(`${smsUrl}/__sim/faults`, { mode: 'error', count: 6 });
        await sleep(8_000);
        await simPost(`${smsUrl}/__sim/faults`, { mode: 'timeout', count: 4 });
        await sleep(15_000);
        const data = await engine.historicIncidents({ incidentType: 'failedExternalTask' });
        return did(
          `gateway errors, then timeouts; ${data.filter((i) => /^SMS_/.test(i.incidentMessage ?? '')).length} incidents naming the SMS gateway in all, retried`,
        );
      },
    },
    {
      n: 8,
      fault: 'SMTP server unreachable for 40 s',
      expected: 'e-mails retried, then swept; each delivered once when SMTP is back',
      act: async () => {
        smtp.cut();
        await sleep(40_000);
        smtp.restore();
        await sleep(10_000);
        const tried = await db('notifications')
          .where({ channel: 'email' })
          .andWhere('attempts', '>', 1)
          .andWhere('created_at', '>', new Date(Date.now() - 90_000))
          .count<{ n: string }[]>('* as n');
        return did(`SMTP cut for 40 s; ${tried[0]!.n} e-mails needed more than one attempt`);
      },
    },
    {
      n: 9,
      fault:
        "engine node A SIGKILLed while it holds acquired jobs (the reviews' asynchronous start), B frozen until then",
      expected: `B takes the jobs once A's lock on them ends: every review starts within ${FAILOVER_BOUND_MS / 1000} s of the kill`,
      // Held back before the registrations start: on idle cores they reach the review within seconds.
      before: () => reviewStartJobs(true),
      act: async (batch) => {
        // The reviews' start is held back until the registrations reach it, so that A is caught holding them.
        const definitions = await reviewStartJobs(true);
        let rowLocks: Knex.Transaction | undefined;
        try {
          if (!definitions.length) throw new Error("the review's asynchronous start has no job definition");
          // Every registration of the batch at the review's start, or as many as came in 15 s without another.
          let waiting: { id_: string; process_instance_id_: string }[] = [];
          let lastGrowth = Date.now();
          for (let i = 0; i < 360 && waiting.length < batch.length; i++) {
            await sleep(500);
            const now = await engineDb('act_ru_job')
              .whereIn('job_def_id_', definitions)
              .select('id_', 'process_instance_id_');
            if (now.length > waiting.length) lastGrowth = Date.now();
            waiting = now;
            if (waiting.length > 0 && Date.now() - lastGrowth > 15_000) break;
          }
          // B frozen, A alone acquires them; their instances' rows locked here, so A's job threads stop mid-job,
          // holding the jobs (locked in the engine's table), as a node does that dies while executing them.
          B.pause();
          rowLocks = await engineDb.transaction();
          await rowLocks.raw('select id_ from act_ru_execution where proc_inst_id_ = any(?) for update', [
            waiting.map((j) => j.process_instance_id_),
          ]);
          await reviewStartJobs(false);
          const ids = waiting.map((j) => j.id_);
          let held = await heldWork(engineDb, ids);
          for (let i = 0; i < 40 && held.length < ids.length; i++) {
            await sleep(250);
            held = await heldWork(engineDb, ids);
          }
          A.kill();
          const killedAt = Date.now();
          B.resume();
          await rowLocks.rollback();
          rowLocks = undefined;
          // Nothing held, nothing tested: the row fails rather than report a failover that did not happen.
          const f = held.length ? await untilMovedOn(engineDb, held, killedAt) : { ...NOTHING_HELD };
          await A.start();
          return {
            happened: `${waiting.length} reviews' starts waiting; A acquired ${held.length} and was killed: ${describeFailover(f)}; A restarted`,
            failover: f,
          };
        } finally {
          // Whatever went wrong above, the drill leaves nothing frozen, locked or held back.
          B.resume();
          await rowLocks?.rollback().catch(() => undefined);
          await reviewStartJobs(false).catch(() => undefined);
        }
      },
    },
    {
      n: 10,
      fault: 'PostgreSQL SIGKILLed under load (postmaster and every backend), back after 5 s',
      expected: 'API answers 503 meanwhile; crash recovery; nothing half-written, nothing sent twice',
      act: async () => {
        await pg.kill(5_000);
        return did('PostgreSQL killed (SIGKILL), started again after 5 s with crash recovery');
      },
    },
    {
      n: 11,
      fault:
        'a backup with registrations in flight, more started after it, the cluster destroyed (data directory deleted); restored (docs/operations.md)',
      expected:
        'with the WAL archive none lost: those before and after the backup all finish (within 8 min), once; the agreement check finds nothing to repair',
      before: async () => drill.startArchive(),
      register: registerAfterRestore,
      act: async (batch) =>
        did(
          await drill.act(() => {
            for (let i = 0; i < Math.ceil(PER_ROW / 2); i++) batch.push(registerAfterRestore());
          }),
        ),
    },
  ];

  interface Result {
    row: Row;
    run: number;
    happened: string;
    outcome: RowOutcome;
    seconds: number;
    failover?: Failover;
  }
  const failoverOk = (f?: Failover) => !f || (f.delayMs !== undefined && f.delayMs <= FAILOVER_BOUND_MS);
  const passed = (r: Result) => !r.outcome.lost.length && !r.outcome.duplicates.length && failoverOk(r.failover);
  const results: Result[] = [];
  const chosen = rows.filter((r) => !ONLY || ONLY.includes(r.n));
  matrix: for (let run = 1; run <= RUNS; run++) {
    for (const row of chosen) {
      say(`run ${run}/${RUNS}, row ${row.n}: ${row.fault}`);
      const t0 = Date.now();
      await row.before?.();
      const batch: Promise<JourneyResult>[] = [];
      for (let i = 0; i < PER_ROW; i++) {
        batch.push((row.register ?? register)());
        await sleep(300);
      }
      await sleep(1_500);
      const { happened, failover } = await row.act(batch);
      // After the fault: an operator retries incidents (Cockpit) while registrations finish.
      let done = false;
      const operator = (async () => {
        while (!done) {
          await sleep(3_000);
          if (row.operator) await retryIncidents().catch(() => undefined);
        }
      })();
      const finished = await Promise.all(batch);
      // Notices go out after the last step: give delivery (and the sweeper) time before counting.
      const ids = finished.map((r) => r.id).filter((id): id is string => Boolean(id));
      for (let i = 0; i < 60; i++) {
        const pending = await db('notifications')
          .whereIn('registration_id', ids)
          .where({ status: 'queued' })
          .count<{ n: string }[]>('* as n')
          .catch(() => [{ n: '1' }]);
        if (Number(pending[0]!.n) === 0) break;
        await sleep(1_000);
      }
      await sleep(2_000);
      done = true;
      await operator;
      const outcome = await checkRow(finished, { db, engine, smsUrl, mail: mail.store });
      const seconds = Math.round((Date.now() - t0) / 1000);
      const result = { row, run, happened, outcome, seconds, failover };
      results.push(result);
      say(
        `run ${run}, row ${row.n}: ${passed(result) ? 'passed' : 'FAILED'}: ${outcome.registered}/${outcome.registrations} registered, lost ${outcome.lost.length}, duplicates ${outcome.duplicates.length}, 503s retried ${outcome.unavailable}${failover ? `, failover ${failover.delayMs === undefined ? 'unbounded' : `${(failover.delayMs / 1000).toFixed(1)} s`}` : ''}, ${seconds} s${[...outcome.lost, ...outcome.duplicates, ...outcome.incidents, ...outcome.unexplainedErrors].map((p) => `\n    ${p}`).join('')}`,
      );
      if (Date.now() - began > MAX_MS - 60_000) break matrix;
    }
  }

  const secondsOf = (f?: Failover) =>
    !f ? '–' : f.delayMs === undefined ? 'over 120 s' : `${(f.delayMs / 1000).toFixed(1)} s`;
  const table = [
    '| # | run | fault | what happened | registered | lost | duplicates | failover | 503s retried | unexplained errors | incidents left or without cause | passed |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.row.n} | ${r.run} | ${r.row.fault} | ${r.happened} | ${r.outcome.registered}/${r.outcome.registrations} | ${r.outcome.lost.length} | ${r.outcome.duplicates.length} | ${secondsOf(r.failover)} | ${r.outcome.unavailable} | ${r.outcome.unexplainedErrors.length} | ${r.outcome.incidents.length} | ${passed(r) ? 'yes' : '**no**'} |`,
    ),
  ].join('\n');
  const worstOf = (n: number) => {
    const mine = results.filter((r) => r.row.n === n);
    const most = (f: (r: Result) => number) => Math.max(...mine.map(f));
    const delays = mine.map((r) => r.failover).filter((f): f is Failover => Boolean(f));
    const slowest =
      delays.find((f) => f.delayMs === undefined) ?? delays.sort((a, b) => (b.delayMs ?? 0) - (a.delayMs ?? 0))[0];
    return { mine, most, slowest };
  };
  const worst = [
    '| # | fault | what should happen | runs | registered (fewest) | lost (most) | duplicates (most) | failover (slowest) | 503s retried (most) | passed (every run) |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...chosen
      .filter((row) => results.some((r) => r.row.n === row.n))
      .map((row) => {
        const { mine, most, slowest } = worstOf(row.n);
        const fewest = Math.min(...mine.map((r) => r.outcome.registered));
        const started = Math.max(...mine.map((r) => r.outcome.registrations));
        return `| ${row.n} | ${row.fault} | ${row.expected} | ${mine.length} | ${fewest}/${started} | ${most((r) => r.outcome.lost.length)} | ${most((r) => r.outcome.duplicates.length)} | ${secondsOf(slowest)} | ${most((r) => r.outcome.unavailable)} | ${mine.length === RUNS && mine.every(passed) ? 'yes' : '**no**'} |`;
      }),
  ].join('\n');
  console.log(`\n${worst}\n\n${table}\n`);
  const wake = `| one long poll, on node A (before) | ${before.median} ms | ${before.max} ms | ${before.delays.join(', ')} |\n| every node long-polled (after) | ${after.median} ms | ${after.max} ms | ${after.delays.join(', ')} |`;
  // How long the engine's jobs take, from due (created, or a timer's due date) to done: what the job lock time is sized against.
  const lags = (
    await engineDb.raw<{ rows: { handler: string; ms: number }[] }>(`
      select c.job_def_type_ as handler,
             extract(epoch from (s.timestamp_ - greatest(c.timestamp_, coalesce(c.job_duedate_, c.timestamp_)))) * 1000 as ms
        from act_hi_job_log c join act_hi_job_log s on s.job_id_ = c.job_id_ and s.job_state_ = 2
       where c.job_state_ = 0`)
  ).rows
    .map((r) => ({ handler: r.handler, ms: Math.max(0, Math.round(Number(r.ms))) }))
    .sort((a, b) => a.ms - b.ms);
  const pct = (q: number) => lags[Math.min(lags.length - 1, Math.floor(q * lags.length))]?.ms ?? 0;
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: projectRoot, encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
    cwd: projectRoot,
    encoding: 'utf8',
  }).trim();
  const allPassed = chosen.every((row) => {
    const mine = results.filter((r) => r.row.n === row.n);
    return mine.length === RUNS && mine.every(passed);
  });
  writeFileSync(
    path.join(projectRoot, 'docs/reliability.md'),
    `# Reliability: the fault matrix

Written by \`npm run chaos -- --runs ${RUNS}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC at commit ${commit}${dirty ? ' (with uncommitted changes)' : ''}: ${RUNS} run(s) of ${chosen.length === rows.length ? 'every row' : `rows ${chosen.map((r) => r.n).join(', ')}`}, ${PER_ROW} registrations per row and run, ${Math.round((Date.now() - began) / 60_000)} min in all. **${allPassed ? 'Every row passed every run.' : 'Not every row passed every run.'}**

Each row drives registrations through the public API over HTTP while the fault happens, then checks each one:
it ended registered; one account for its agency; one SMS per one-time code sent and one per notice; one e-mail
per notice, counted by Message-ID (a copy sent again after an unknown outcome carries the notice's Message-ID,
so every mail client shows it as the one message); every notice delivered; no incident left open or without
its system's code; no error shown without a Persian text. *Lost*: a registration not registered, or a notice
not delivered. *Duplicates*: a second account, code SMS beyond the codes sent, a second notice (an SMS gateway
that dedupes on our reference shows none). *Failover*: for an engine node killed, from the kill until every job
and external task it held (locked in the engine's tables at that moment) has moved on, executed or taken by the
other node; bound ${FAILOVER_BOUND_MS / 1000} s. *503s retried*: answers "briefly unavailable" (Persian and
English) the client sent again, as the form does. A row passes a run with 0 lost, 0 duplicates and the failover
under its bound; it passes only if it passes every run.

The system under test: its own PostgreSQL (initdb in \`.cache/chaos\`) and Redis (no persistence), two
Operaton nodes on one database, the API and two workers processes with \`ENGINE_URL\` naming both nodes,
the PGSB and SMS simulators and the mail catcher behind a relay that can be cut; all on loopback.

## Worst case of each row over the runs

${worst}

## Every run

${table}

## How long the engine's jobs take

The engine's job lock time (\`lock-time-in-millis\` in \`engine/src/main/resources/application.yaml\`, 20 s) is
how long a dead node's jobs wait; it must outlast the slowest job. Every job of this run, from due (created, or
a timer's due date) to done, acquisition included: ${lags.length} jobs, median ${pct(0.5)} ms, 99th percentile
${pct(0.99)} ms, slowest ${lags.at(-1)?.ms ?? 0} ms (${lags.at(-1)?.handler ?? '–'}; the slowest include the jobs a killed node held).

## Cross-node wake-up of a long poll

A task created on node B, while the workers long-poll (\`ENGINE_LONG_POLL_MS\` ${config.ENGINE_LONG_POLL_MS} ms):
time from the start request on B until the worker has the task.

| workers | median | max | samples |
|---|---|---|---|
${wake}
`,
  );
  say('docs/reliability.md written');
  await shutdown(allPassed ? 0 : 1);
} catch (err) {
  console.error('[chaos] failed:', err);
  await shutdown(1);
}
