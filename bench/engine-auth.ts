/**
 * `npm run bench:engine-auth`: what a login costs the engine, against the running engine at ENGINE_URL
 * (started if it is not): the service account's REST calls (the API and workers make one per engine
 * call; remembered), a staff member's REST calls (checked against the stored hash every time), and
 * Tasklist's login form. Calls are sequential, on the cheapest endpoint (/version), so the time is
 * mostly authentication. Options: --calls 500 (service account)  --staff-calls 40  --logins 20
 */
const { useTestEnv } = await import('../ops/test-env.js');
// Measured as deployed: the engine remembers the service account for its default 30 s, not the tests' 2 s.
process.env.ENGINE_REST_AUTH_CACHE_SECONDS ??= '30';
useTestEnv();

const { parseArgs } = await import('node:util');
const { randomUUID } = await import('node:crypto');
const { loadConfig } = await import('../config/config.js');
const { staffIdentity } = await import('../adapters/engine/connect.js');
const { engineSettings } = await import('../ops/engine/settings.js');
const { startEngine } = await import('../ops/engine/process.js');
const { ensurePostgres } = await import('../ops/services.js');
const { summarize } = await import('./support/stats.js');
const { restStatusAs, tasklistLogin } = await import('../ops/fixtures/engine-logins.js');

const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '500' },
    'staff-calls': { type: 'string', default: '40' },
    logins: { type: 'string', default: '20' },
  },
});
const config = loadConfig();
const settings = engineSettings();
await ensurePostgres(settings.databaseUrl, () => {});
await startEngine(settings, (m) => console.log(`[engine] ${m}`));

const staff = `bench${randomUUID().slice(0, 8)}`;
const password = 'reviewing agencies all day long';
await staffIdentity(config).addUser(staff, password, 'it-office-reviewers');

async function timed(label: string, n: number, call: () => Promise<number>) {
  for (let i = 0; i < Math.min(10, n); i++) await call(); // warm-up: JIT, connections, the remembered entry
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const status = await call();
    times.push(performance.now() - t0);
    if (status !== 200) throw new Error(`${label}: answered ${status}`);
  }
  const s = summarize(times);
  const f = (v: number) => v.toFixed(1);
  console.log(`| ${label} | ${s.n} | ${f(s.mean)} | ${f(s.p50)} | ${f(s.p99)} | ${f(1000 / s.mean)} |`);
}

console.log(
  `\nengine ${config.ENGINE_URL}, ENGINE_REST_AUTH_CACHE_SECONDS=${process.env.ENGINE_REST_AUTH_CACHE_SECONDS}`,
);
console.log('| sequential calls | n | mean ms | p50 ms | p99 ms | per s |\n|---|---|---|---|---|---|');
await timed('service account, REST GET /version', Number(values.calls), () =>
  restStatusAs(config.ENGINE_URL, config.ENGINE_USER, config.ENGINE_PASSWORD),
);
await timed('staff member, REST GET /version', Number(values['staff-calls']), () =>
  restStatusAs(config.ENGINE_URL, staff, password),
);
await timed(
  'staff member, Tasklist login',
  Number(values.logins),
  async () => (await tasklistLogin(config.ENGINE_URL, staff, password)).status,
);
await staffIdentity(config).remove(staff);
