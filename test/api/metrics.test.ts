import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMetricsServer } from '../../adapters/metrics/metrics-server.js';
import { engineRecords } from '../support/engine-records.js';
import { useApiOnStack } from '../support/lifecycle.js';

// Short back-offs and polls, so PGSB's retries run out (into an incident) within seconds.
const ctx = useApiOnStack({ JOB_RETRY_BACKOFF_MS: '300', ENGINE_LONG_POLL_MS: '2000' });
const servers = {} as Record<'api' | 'workers', Awaited<ReturnType<typeof startMetricsServer>>>;
beforeAll(async () => {
  // As api/server.ts and workers/main.ts serve them, on loopback ports of their own (0: any free one here).
  servers.api = await startMetricsServer(ctx.app.metricsRegistry, '127.0.0.1', 0);
  servers.workers = await startMetricsServer(ctx.stack.workerMetrics, '127.0.0.1', 0, { defaults: false });
});
afterAll(async () => {
  await servers.api?.close();
  await servers.workers?.close();
});
afterEach(() => ctx.stack.sim.clearPgsbFaults());

const scrape = async (which: 'api' | 'workers') => {
  const res = await fetch(servers[which].url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
};

/** One sample's value by its name and exact labels (in the order prom-client writes them), or undefined. */
function sample(text: string, name: string, labels: Record<string, string>) {
  const wanted = Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',');
  const line = text.split('\n').find((l) => l.startsWith(`${name}{${wanted}} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('metrics, in Prometheus text format, on ports the proxy does not publish', () => {
  it('counts the API’s requests by route pattern and status, with their latency', async () => {
    await ctx.app.inject({ method: 'GET', url: '/api/captcha' });
    await ctx.app.inject({ method: 'GET', url: '/api/registrations/00000000-0000-4000-8000-000000000000' });
    await ctx.app.inject({ method: 'GET', url: '/no/such/page' });

    const text = await scrape('api');
    const route = (r: string, status: string, method = 'GET') => ({ method, route: r, status });
    expect(sample(text, 'payam_api_request_duration_seconds_count', route('/api/captcha', '200'))).toBe(1);
    // The route's pattern, never the id in the path (no personal data, and no series per registration).
    expect(sample(text, 'payam_api_request_duration_seconds_count', route('/api/registrations/:id', '401'))).toBe(1);
    expect(sample(text, 'payam_api_request_duration_seconds_count', route('unmatched', '404'))).toBe(1);
    expect(
      sample(text, 'payam_api_request_duration_seconds_bucket', { le: '+Inf', ...route('/api/captcha', '200') }),
    ).toBe(1);
    expect(text).not.toContain('00000000-0000-4000-8000-000000000000');
    // The process's own figures come with it (memory, event-loop delay).
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds /m);
  });

  it('PGSB down: the workers count the retries and the incident for their topic, and the API reports the incident by system and the registrations waiting', async () => {
    // Given Shahkar's inquiry over PGSB timing out, when a registration is submitted
    await ctx.stack.sim.pgsbFault('shahkar', 'timeout');
    const { id } = await ctx.applicant.begin();
    await ctx.applicant.submit(id);
    await ctx.stack.eventually(
      () => engineRecords(ctx.stack.engine).incidents(id),
      (i) => i.length > 0,
      40_000,
    );

    // Then the workers' figures show the civil-registry inquiry done and Shahkar's failing into an incident
    const workers = await scrape('workers');
    const tasks = (topic: string, outcome: string) => sample(workers, 'payam_worker_tasks_total', { topic, outcome });
    expect(tasks('civil-registry-inquiry', 'completed')).toBeGreaterThanOrEqual(1);
    expect(tasks('shahkar-inquiry', 'failed')).toBeGreaterThanOrEqual(1);
    expect(tasks('shahkar-inquiry', 'incident')).toBe(1);
    expect(
      sample(workers, 'payam_worker_task_duration_seconds_count', { topic: 'shahkar-inquiry', outcome: 'incident' }),
    ).toBe(1);
    // And the notice queue's depth, from Redis, under its name
    const queue = ctx.stack.workerDeps.notifications.name;
    for (const state of ['waiting', 'active', 'delayed', 'failed'])
      expect(sample(workers, 'payam_queue_jobs', { queue, state }), state).toBeGreaterThanOrEqual(0);

    // And the API's: the open incident under PGSB at the Shahkar step, the registration waiting in "verifying"
    const api = await scrape('api');
    expect(sample(api, 'payam_incidents_open', { system: 'pgsb', activity: 'Task_Shahkar' })).toBeGreaterThanOrEqual(1);
    expect(sample(api, 'payam_registrations', { state: 'verifying' })).toBeGreaterThanOrEqual(1);
    expect(sample(api, 'payam_notices_undelivered', { channel: 'sms' })).toBeGreaterThanOrEqual(0);
    expect(sample(api, 'payam_notices_undelivered', { channel: 'email' })).toBeGreaterThanOrEqual(0);
  });
});
