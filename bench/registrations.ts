/**
 * `npm run bench`: registrations per second, the full stack against the engine's own ceiling, at 1,
 * 4, 16 and 64 in flight, with where the time goes; writes bench/results/<date>.md (+ .svg chart,
 * + .json) and prints the summary. Bounded: at most 10 minutes, loopback only, stops by itself.
 * Options: --levels 1,4,16,64  --ceiling-seconds 30  --full-seconds 45  --label text  --before bench/results/x.json
 *          --profile (CPU profiles of the API and the workers, and a flight recording of the engine, in .cache/bench/profile)
 */
const { useBenchEnv } = await import('../ops/test-env.js');
// Measured as deployed: the engine remembers the service account's REST login for its default 30 s, not the tests' 2 s.
process.env.ENGINE_REST_AUTH_CACHE_SECONDS ??= '30';
// The tests' databases and engine, with a Redis database of the benchmarks' own.
useBenchEnv();

const { parseArgs } = await import('node:util');
const { execFileSync } = await import('node:child_process');
const { mkdir, readFile, writeFile } = await import('node:fs/promises');
const os = await import('node:os');
const path = await import('node:path');
const { loadConfig } = await import('../config/config.js');
const { createLogger } = await import('../config/logger.js');
const { serviceEngine } = await import('../adapters/engine/connect.js');
const { createDb } = await import('../db/knex.js');
const { createAuditRepo } = await import('../db/audit-repo.js');
const { engineSettings } = await import('../ops/engine/settings.js');
const { projectRoot } = await import('../config/paths.js');
const { buildPgsbSimulator } = await import('../simulators/pgsb/server.js');
const { buildSmsSimulator } = await import('../simulators/sms/server.js');
const { createMailCatcher } = await import('../simulators/mail-catcher/create-mail-catcher.js');
const { pgsbControls, reviewerTokenFor } = await import('./support/bench-stack-access.js');
const { prepareTestStack } = await import('../ops/test-stack.js');
const { runClosedLoop } = await import('./support/closed-loop.js');
const { startCeiling } = await import('./support/ceiling.js');
const { fullStackDriver } = await import('./support/full-stack.js');
const { historyOf } = await import('./support/engine-history.js');
const { oneTaskLatency } = await import('./support/one-task.js');
const { expectations } = await import('./support/expectations.js');
const { watchUsage } = await import('./support/process-usage.js');
const { freePort } = await import('../ops/chaos/private-services.js');
const { nodeService } = await import('../ops/chaos/processes.js');
const { samples } = await import('./support/stats.js');
const { chartSvg } = await import('./support/chart.js');
const { markdownReport, summaryTable, targets } = await import('./support/report.js');
type Results = import('./support/results.js').BenchResults;
type NodeService = import('../ops/chaos/processes.js').NodeService;

const { values: opt } = parseArgs({
  options: {
    levels: { type: 'string', default: '1,4,16,64' },
    'ceiling-seconds': { type: 'string', default: '30' },
    'full-seconds': { type: 'string', default: '45' },
    label: { type: 'string', default: 'current' },
    before: { type: 'string' },
    profile: { type: 'boolean', default: false },
  },
});
// The engine is started by the test set-up below and reads JAVA_TOOL_OPTIONS like any JVM; it writes the recording when it stops.
const profileDir = path.join(projectRoot, '.cache', 'bench', 'profile');
if (opt.profile) {
  await mkdir(profileDir, { recursive: true });
  process.env.JAVA_TOOL_OPTIONS = `-XX:StartFlightRecording=filename=${path.join(profileDir, 'engine.jfr')},settings=profile,dumponexit=true`;
}
const profileArgs = opt.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
const levels = opt.levels.split(',').map(Number);
const ceilingMs = Number(opt['ceiling-seconds']) * 1000;
const fullMs = Number(opt['full-seconds']) * 1000;
const DRAIN_MS = 60_000;
const BUDGET_MS = 10 * 60_000;

const wallStart = Date.now();
const startedAt = new Date();
const loadBefore = os.loadavg();
const log = (m: string) => console.log(`[bench ${((Date.now() - wallStart) / 1000).toFixed(0)} s] ${m}`);
const cleanups: (() => Promise<unknown>)[] = [];
async function cleanUp() {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
}
// Bounded whatever happens: past the budget, clean up what we can and stop.
const budget = setTimeout(() => {
  console.error(`[bench] over the ${BUDGET_MS / 60_000}-minute budget: stopping`);
  void cleanUp().finally(() => process.exit(2));
}, BUDGET_MS);
budget.unref();

async function main() {
  const teardown = await prepareTestStack();
  cleanups.push(teardown);
  const baseConfig = loadConfig();
  const logger = createLogger({ level: 'silent' });
  const engine = serviceEngine(baseConfig);
  const db = createDb(baseConfig.DATABASE_URL);
  cleanups.push(() => db.destroy());
  const pgrep = (name: string) => {
    try {
      return Number(execFileSync('pgrep', ['-o', '-x', name], { encoding: 'utf8' }).trim()) || undefined;
    } catch {
      return undefined;
    }
  };
  const enginePid = async () =>
    Number((await readFile(engineSettings().pidFile, 'utf8').catch(() => '')).trim()) || undefined;
  // The full stack's API and workers, started after the ceiling.
  const services: { api?: NodeService; workers?: NodeService } = {};
  const usage = watchUsage([
    { name: 'engine (JVM)', pid: enginePid },
    { name: 'PostgreSQL', pid: async () => pgrep('postgres'), withChildren: true },
    { name: 'Redis', pid: async () => pgrep('redis-server') },
    { name: 'API', pid: async () => services.api?.pid },
    { name: 'workers', pid: async () => services.workers?.pid },
    { name: 'driver + simulators', pid: async () => process.pid },
  ]);

  log('one external task through the worker client');
  const oneTask = await oneTaskLatency(engine, baseConfig, logger, 500, 200, {
    audit: createAuditRepo(db),
    actor: 'bench',
  });

  async function measureLevel<T extends object>(
    concurrency: number,
    windowMs: number,
    one: (keys: string[]) => Promise<void>,
    extra: () => T,
  ) {
    const keys: string[] = [];
    await usage.begin();
    const from = new Date();
    // A third of the window is the ramp: at 64 in flight a full-stack registration takes ~20 s.
    const result = await runClosedLoop(concurrency, windowMs, Math.round(windowMs / 3), DRAIN_MS, () => one(keys));
    const to = new Date();
    const used = await usage.end();
    const history = await historyOf(engine, keys, from, to);
    log(`  ${concurrency} in flight: ${result.perSecond.toFixed(2)} registrations/s, ${result.errors.length} errors`);
    return {
      concurrency,
      perSecond: result.perSecond,
      completed: result.completed,
      finished: result.finished,
      windowSeconds: result.windowSeconds,
      errors: result.errors,
      instance: history.instances,
      usage: used,
      steps: history.steps,
      ...extra(),
    };
  }

  log('ceiling: no-op workers, user tasks through the engine REST API');
  const ceiling = startCeiling(engine, baseConfig, logger);
  const ceilingLevels = [];
  for (const c of levels) {
    const durations: number[] = [];
    ceilingLevels.push(
      await measureLevel(
        c,
        ceilingMs,
        (keys) => ceiling.one(keys, durations),
        () => ({}),
      ),
    );
  }
  await ceiling.close();

  log('full stack: API and workers as processes, simulators answering at once');
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
  const apiPort = await freePort();
  const env = {
    ...process.env,
    LOG_LEVEL: 'warn',
    API_PORT: String(apiPort),
    API_TRUST_PROXY: '127.0.0.1',
    SERVER_TIMING: 'true',
    PGSB_BASE_URL: pgsbUrl,
    SMS_BASE_URL: `http://127.0.0.1:${portOf(smsSim)}`,
    SMTP_PORT: String(mailPorts.smtpPort),
  };
  // The processes as chaos runs them (ops/chaos/processes.ts): logs under .cache/bench, stopped with SIGTERM.
  const logDir = path.join(projectRoot, '.cache', 'bench');
  await mkdir(logDir, { recursive: true });
  const api = (services.api = nodeService('api', 'api/server.ts', env, logDir, apiPort, profileArgs));
  const workers = (services.workers = nodeService('workers', 'workers/main.ts', env, logDir, undefined, profileArgs));
  cleanups.push(() => Promise.all([api.kill('SIGTERM'), workers.kill('SIGTERM')]));
  await Promise.all([api.start(), workers.start()]);
  const baseUrl = `http://127.0.0.1:${apiPort}`;
  const reviewerToken = await reviewerTokenFor(db, baseUrl);
  const pgsb = pgsbControls(pgsbUrl);
  const fullLevels = [];
  for (const c of levels) {
    const m = { steps: samples(), requests: samples(), server: samples(), instanceKeys: [] as string[] };
    const one = fullStackDriver(baseUrl, pgsb, phone, reviewerToken, m);
    fullLevels.push(
      await measureLevel(
        c,
        fullMs,
        async (keys) => {
          await one();
          keys.push(...m.instanceKeys.splice(0));
        },
        () => ({ applicant: m.steps.summaries(), requests: m.requests.summaries(), server: m.server.summaries() }),
      ),
    );
  }
  // The full stack's processes and simulators; the engine (the first cleanup) stays for nothing else, so all go at the end.

  const commit = (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: projectRoot, encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  })();
  const results: Results = {
    label: opt.label,
    startedAt: startedAt.toISOString(),
    seconds: (Date.now() - wallStart) / 1000,
    machine: {
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      os: `${os.type()} ${os.release()}`,
      node: process.version,
      loadBefore,
      commit,
    },
    oneTask,
    ceiling: ceilingLevels,
    fullStack: fullLevels,
  };
  const before = opt.before ? (JSON.parse(await readFile(opt.before, 'utf8')) as Results) : undefined;
  const dir = path.join(projectRoot, 'bench', 'results');
  await mkdir(dir, { recursive: true });
  const stamp = results.startedAt.slice(0, 16).replace(':', '');
  const base = `${stamp}-${opt.label.replace(/[^a-z0-9-]+/gi, '-')}`;
  await writeFile(path.join(dir, `${base}.json`), JSON.stringify(results, null, 1));
  await writeFile(path.join(dir, `${base}.svg`), await chartSvg(results, before));
  await writeFile(path.join(dir, `${base}.md`), markdownReport(results, `${base}.svg`, before));
  console.log(`\n${summaryTable(results)}\n`);
  for (const t of targets(results)) console.log(`${t.met ? 'met    ' : 'NOT MET'}  ${t.target}: ${t.measured}`);
  console.log(`\nreport: bench/results/${base}.md (${results.seconds.toFixed(0)} s)`);
}

// Whatever fails, the API, the workers, the simulators and the engine it started are stopped.
try {
  await main();
  await cleanUp();
  clearTimeout(budget);
  process.exit(0);
} catch (err) {
  console.error('[bench] failed:', err);
  await cleanUp();
  process.exit(1);
}
