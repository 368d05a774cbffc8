/**
 * `npm run soak -- --minutes 60`: registrations at half the measured plateau for that long, through the full
 * stack as `npm run bench` starts it, sampling every 15 s the memory, heap, event-loop delay, handles and
 * PostgreSQL connections of the API, the workers and the engine; writes bench/results/<date>-soak.md (+ .svg
 * of memory over time, + .json) with a verdict per process: flat or growing, by the rule the report states.
 * Bounded: the minutes asked for plus at most 15 for set-up and drain; loopback only; stops by itself.
 * The engine's heap is pinned (-Xms = -Xmx, every page touched at start) unless --engine-heap as-started: otherwise
 * its RSS grows for an hour as G1 first touches the heap it may use, which hides or mimics a leak; pinned, RSS moves
 * only with native memory, which Native Memory Tracking breaks down (second half of the run against its start).
 * Options: --minutes 60  --rate <registrations/s> (default half the best full-stack figure of the newest
 *          bench/results/*-after.json)  --sample-seconds 15  --label soak  --engine-heap pinned|as-started
 *          --report-only bench/results/<x>-soak.json (writes that run's .md and .svg again, runs nothing)
 */
const { useBenchEnv } = await import('../ops/test-env.js');
// Measured as deployed: the engine remembers the service account's REST login for its default 30 s, not the tests' 2 s.
process.env.ENGINE_REST_AUTH_CACHE_SECONDS ??= '30';
useBenchEnv();

const { parseArgs, promisify } = await import('node:util');
const { execFile, execFileSync } = await import('node:child_process');
const { mkdir, readdir, readFile, writeFile } = await import('node:fs/promises');
const os = await import('node:os');
const path = await import('node:path');
const { loadConfig } = await import('../config/config.js');
const { createLogger } = await import('../config/logger.js');
const { createDb } = await import('../db/knex.js');
const { engineSettings } = await import('../ops/engine/settings.js');
const { findJavaHome } = await import('../ops/engine/jdk.js');
const { projectRoot } = await import('../config/paths.js');
const { buildPgsbSimulator } = await import('../simulators/pgsb/server.js');
const { buildSmsSimulator } = await import('../simulators/sms/server.js');
const { createMailCatcher } = await import('../simulators/mail-catcher/create-mail-catcher.js');
const { pgsbControls, reviewerTokenFor } = await import('./support/bench-stack-access.js');
const { prepareTestStack } = await import('../ops/test-stack.js');
const { fullStackDriver } = await import('./support/full-stack.js');
const { expectations } = await import('./support/expectations.js');
const { freePort } = await import('../ops/chaos/private-services.js');
const { nodeService } = await import('../ops/chaos/processes.js');
const { samples } = await import('./support/stats.js');
const { openLoop } = await import('./support/open-loop.js');
const { startSampler } = await import('./support/soak-sampler.js');
const { soakChartSvg, soakMarkdown, verdicts } = await import('./support/soak-report.js');
const { heapAfterCollections } = await import('./support/gc-log.js');
type SoakResults = import('./support/soak-report.js').SoakResults;
type BenchResults = import('./support/results.js').BenchResults;

const { values: opt } = parseArgs({
  options: {
    minutes: { type: 'string', default: '60' },
    rate: { type: 'string' },
    'sample-seconds': { type: 'string', default: '15' },
    label: { type: 'string', default: 'soak' },
    'engine-heap': { type: 'string', default: 'pinned' },
    // With --report-only: the engine's collector log of that run, for a report written before the log was read.
    'gc-log': { type: 'string' },
    'report-only': { type: 'string' },
  },
});
const minutes = Number(opt.minutes);
const sampleSeconds = Number(opt['sample-seconds']);
if (!(minutes > 0 && minutes <= 240)) throw new Error('--minutes: between 0 and 240');
if (!(sampleSeconds >= 1)) throw new Error('--sample-seconds: at least 1');
if (!['pinned', 'as-started'].includes(opt['engine-heap'])) throw new Error('--engine-heap: pinned or as-started');
const engineJvmFlags =
  opt['engine-heap'] === 'pinned'
    ? `-Xms${engineSettings().heap} -XX:+AlwaysPreTouch -XX:NativeMemoryTracking=summary`
    : '-XX:NativeMemoryTracking=summary';
// The engine is started by the test stack below and reads JAVA_TOOL_OPTIONS like any JVM.
// The collector's log beside the others, to read the heap after each collection if a verdict is in doubt.
const soakLogDir = path.join(projectRoot, '.cache', 'soak');
await mkdir(soakLogDir, { recursive: true });
const engineGcLogFile = path.join(soakLogDir, 'engine-gc.log');
const engineGcLog = `-Xlog:gc:file=${engineGcLogFile}:uptime,time`;
process.env.JAVA_TOOL_OPTIONS = [process.env.JAVA_TOOL_OPTIONS, engineJvmFlags, engineGcLog].filter(Boolean).join(' ');
const DRAIN_MS = 90_000;
const MAX_IN_FLIGHT = 200;
const BUDGET_MS = (minutes + 15) * 60_000;
const resultsDir = path.join(projectRoot, 'bench', 'results');

const wallStart = Date.now();
const startedAt = new Date();
const loadBefore = os.loadavg();
const log = (m: string) => console.log(`[soak ${((Date.now() - wallStart) / 1000).toFixed(0)} s] ${m}`);
const cleanups: (() => Promise<unknown>)[] = [];
async function cleanUp() {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
}
const budget = setTimeout(() => {
  console.error(`[soak] over the ${BUDGET_MS / 60_000}-minute budget: stopping`);
  void cleanUp().finally(() => process.exit(2));
}, BUDGET_MS);
budget.unref();

/** Half the full stack's best registrations per second in the newest "after" benchmark: the plateau's half. */
async function halfPlateau(): Promise<{ perSecond: number; source: string }> {
  if (opt.rate) return { perSecond: Number(opt.rate), source: `--rate ${opt.rate}` };
  const newest = (await readdir(resultsDir))
    .filter((f) => f.endsWith('-after.json'))
    .sort()
    .at(-1);
  if (!newest) throw new Error('no bench/results/*-after.json to read the plateau from; pass --rate');
  const bench = JSON.parse(await readFile(path.join(resultsDir, newest), 'utf8')) as BenchResults;
  const best = Math.max(...bench.fullStack.map((l) => l.perSecond));
  return {
    perSecond: best / 2,
    source: `half the full stack's plateau of ${best.toFixed(2)}/s in [${newest.replace('.json', '.md')}](${newest.replace('.json', '.md')})`,
  };
}

async function writeReport(results: SoakResults, base: string) {
  await mkdir(resultsDir, { recursive: true });
  await writeFile(path.join(resultsDir, `${base}.json`), JSON.stringify(results, null, 1));
  await writeFile(path.join(resultsDir, `${base}.svg`), await soakChartSvg(results));
  await writeFile(path.join(resultsDir, `${base}.md`), soakMarkdown(results, `${base}.svg`));
  for (const v of verdicts(results))
    console.log(
      `${v.trend.verdict.padEnd(9)} ${v.process} ${v.figure}: ${v.trend.perHour >= 0 ? '+' : ''}${v.trend.perHour.toFixed(1)}/h (mean ${v.trend.mean.toFixed(1)})`,
    );
  console.log(`\nreport: bench/results/${base}.md`);
}

async function main() {
  if (opt['report-only']) {
    const file = opt['report-only'];
    const results = JSON.parse(await readFile(file, 'utf8')) as SoakResults;
    if (opt['gc-log']) results.engineHeapAfterGc = heapAfterCollections(await readFile(opt['gc-log'], 'utf8'));
    await writeReport(results, path.basename(file, '.json'));
    return;
  }
  const rate = await halfPlateau();
  if (!(rate.perSecond > 0)) throw new Error('the rate must be above 0');
  log(`${minutes} min at ${rate.perSecond.toFixed(2)} registrations/s (${rate.source})`);
  const teardown = await prepareTestStack();
  cleanups.push(teardown);
  const baseConfig = loadConfig();
  const logger = createLogger({ level: 'silent' });
  const db = createDb(baseConfig.DATABASE_URL, { min: 0, max: 2 });
  cleanups.push(() => db.destroy());

  const phone = expectations<import('../simulators/sms/state.js').SentMessage>();
  const pgsbSim = buildPgsbSimulator();
  const smsSim = buildSmsSimulator({ onMessage: (m) => phone.deliver(m) });
  await pgsbSim.listen({ port: 0, host: '127.0.0.1' });
  await smsSim.listen({ port: 0, host: '127.0.0.1' });
  const mail = createMailCatcher({ smtpPort: 0, httpPort: 0, logger });
  const mailPorts = await mail.start();
  cleanups.push(() => Promise.all([pgsbSim.close(), smsSim.close(), mail.stop()]));
  const portOf = (s: typeof pgsbSim) => (s.server.address() as import('node:net').AddressInfo).port;
  const pgsbUrl = `http://127.0.0.1:${portOf(pgsbSim)}`;
  const [apiPort, apiMetricsPort, workersMetricsPort] = [await freePort(), await freePort(), await freePort()];
  const env = {
    ...process.env,
    LOG_LEVEL: 'warn',
    API_PORT: String(apiPort),
    API_METRICS_PORT: String(apiMetricsPort),
    WORKERS_METRICS_PORT: String(workersMetricsPort),
    API_TRUST_PROXY: '127.0.0.1',
    PGSB_BASE_URL: pgsbUrl,
    SMS_BASE_URL: `http://127.0.0.1:${portOf(smsSim)}`,
    SMTP_PORT: String(mailPorts.smtpPort),
  };
  const logDir = soakLogDir;
  const api = nodeService('api', 'api/server.ts', env, logDir, apiPort);
  const workers = nodeService('workers', 'workers/main.ts', env, logDir);
  cleanups.push(() => Promise.all([api.kill('SIGTERM'), workers.kill('SIGTERM')]));
  await Promise.all([api.start(), workers.start()]);
  const baseUrl = `http://127.0.0.1:${apiPort}`;

  const reviewerToken = await reviewerTokenFor(db, baseUrl);
  const pgsb = pgsbControls(pgsbUrl);
  // The per-request latencies are the benchmark's business; the soak keeps only each registration's whole time.
  const m = { steps: samples(), requests: samples(), server: samples(), instanceKeys: [] as string[] };
  const driver = fullStackDriver(baseUrl, pgsb, phone, reviewerToken, m);
  const one = async () => {
    m.instanceKeys.length = 0;
    await driver();
  };

  const enginePid = async () =>
    Number((await readFile(engineSettings().pidFile, 'utf8').catch(() => '')).trim()) || undefined;
  const loop = openLoop(rate.perSecond, minutes * 60_000, DRAIN_MS, MAX_IN_FLIGHT);
  const sampler = startSampler(
    [
      { name: 'API', kind: 'node', pid: async () => api.pid, metricsUrl: `http://127.0.0.1:${apiMetricsPort}/metrics` },
      {
        name: 'workers',
        kind: 'node',
        pid: async () => workers.pid,
        metricsUrl: `http://127.0.0.1:${workersMetricsPort}/metrics`,
      },
      {
        name: 'engine',
        kind: 'jvm',
        pid: enginePid,
        metricsUrl: `${new URL(baseConfig.ENGINE_URL).origin}/actuator/prometheus`,
      },
    ],
    db,
    Number(new URL(baseConfig.DATABASE_URL).port || 5432),
    () => ({ ...loop.counts }),
    sampleSeconds * 1000,
    (s) => {
      const p = (n: string) => s.processes[n]!;
      log(
        `${s.started} started, ${s.finished} done, ${s.errors} errors, ${s.inFlight} in flight, load ${s.load1.toFixed(2)}; ` +
          `RSS/heap MiB API ${p('API').rssMiB.toFixed(0)}/${p('API').heapUsedMiB.toFixed(0)}, ` +
          `workers ${p('workers').rssMiB.toFixed(0)}/${p('workers').heapUsedMiB.toFixed(0)}, ` +
          `engine ${p('engine').rssMiB.toFixed(0)}/${p('engine').heapUsedMiB.toFixed(0)}`,
      );
    },
  );
  cleanups.push(() => sampler.stop());
  const jcmd = async (...args: string[]) => {
    const pid = await enginePid();
    if (!pid) return 'the engine is not running';
    try {
      // jcmd is a JVM too: without this it would read the engine's flags above and pre-touch a heap of its own.
      const env = { ...process.env, JAVA_TOOL_OPTIONS: '' };
      // Not the sync call: the baseline is taken while registrations run, and would stall the open loop's timers.
      const { stdout } = await promisify(execFile)(path.join(findJavaHome(), 'bin', 'jcmd'), [String(pid), ...args], {
        encoding: 'utf8',
        env,
      });
      return stdout;
    } catch (err) {
      return `jcmd failed: ${(err as Error).message}`;
    }
  };
  // The verdict reads the second half of the run, so native memory is compared over the same half.
  const baselineAtMinute = minutes / 2;
  const baseline = setTimeout(() => void jcmd('VM.native_memory', 'baseline'), baselineAtMinute * 60_000);
  cleanups.push(async () => clearTimeout(baseline));
  const { lost } = await loop.run(one);
  const nativeMemoryDiff = await jcmd('VM.native_memory', 'summary.diff', 'scale=MB');
  await sampler.stop();
  log(`load over: ${loop.counts.finished} finished, ${loop.counts.errors} failed, ${lost} lost`);

  const rows: { status: string; n: string | number }[] = await db('registrations')
    .select('status')
    .count({ n: '*' })
    .groupBy('status');
  const commit = (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: projectRoot, encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  })();
  const results: SoakResults = {
    startedAt: startedAt.toISOString(),
    minutes,
    perSecond: rate.perSecond,
    rateSource: rate.source,
    sampleSeconds,
    machine: {
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      commit,
      loadBefore,
    },
    counts: { ...loop.counts, lost },
    errorsByMessage: [...loop.errorsByMessage],
    databases: [baseConfig.DATABASE_URL, process.env.ENGINE_DATABASE_URL]
      .filter((u): u is string => Boolean(u))
      .map((u) => new URL(u).pathname.slice(1)),
    registrationsByState: Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])),
    durationsMs: loop.durationsMs,
    samples: sampler.samples,
    engineNativeMemory: { jvmFlags: engineJvmFlags, baselineAtMinute, diff: nativeMemoryDiff },
    engineHeapAfterGc: heapAfterCollections(await readFile(engineGcLogFile, 'utf8').catch(() => '')),
  };
  const base = `${results.startedAt.slice(0, 16).replace(':', '')}-${opt.label.replace(/[^a-z0-9-]+/gi, '-')}`;
  await writeReport(results, base);
  log('done');
}

try {
  await main();
  await cleanUp();
  clearTimeout(budget);
  process.exit(0);
} catch (err) {
  console.error('[soak] failed:', err);
  await cleanUp();
  process.exit(1);
}
