/**
 * Benchmark: time from the applicant's submit (steps 4–5) to the one-time code reaching the SMS
 * gateway (step 9-1) — captcha check, civil-registry and Shahkar inquiries over PGSB, code generation
 * and sending, on the real engine, database and Redis with the simulators. `npm run bench [-- N C]`.
 */
const { useTestEnv } = await import('../test/setup/test-env.js');
useTestEnv();

const { performance } = await import('node:perf_hooks');
const { applicantDriver } = await import('../test/support/applicant.js');
const { startEngineStack } = await import('../test/support/engine-stack.js');
const { default: setup } = await import('../test/setup/global-setup.js');

const total = Number(process.argv[2] ?? 30);
const concurrency = Number(process.argv[3] ?? 3);
const teardown = await setup();
const stack = await startEngineStack();
const driver = applicantDriver(stack);

async function one() {
  const { id, applicant } = await driver.begin();
  const t0 = performance.now();
  await driver.submit(id);
  await stack.eventually(() => stack.sim.smsTo(applicant.mobile), (m) => m.length > 0, 30_000);
  return performance.now() - t0;
}

const times: number[] = [];
const wall = performance.now();
for (let i = 0; i < total; i += concurrency) {
  times.push(...(await Promise.all(Array.from({ length: Math.min(concurrency, total - i) }, one))));
}
const seconds = (performance.now() - wall) / 1000;
times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(0);
console.log(`submit → code sent, ${total} registrations, ${concurrency} at a time: p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${pct(100)} ms; ${(total / seconds).toFixed(1)} registrations/s overall (incl. data entry)`);
await stack.close();
await teardown();
