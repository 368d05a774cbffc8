import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.js';

/** The engine's Prometheus endpoint (Spring Boot's actuator with micrometer-registry-prometheus, engine/EngineMetrics). */
const url = `${new URL(loadConfig().ENGINE_URL).origin}/actuator/prometheus`;

describe('the engine’s metrics at /actuator/prometheus, on its own port', () => {
  it('answers Prometheus text with the JVM, Tomcat, the datasource pool, the job executor and the engine’s backlog, without a login', async () => {
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain;\s*version=0\.0\.4/);
    const text = await res.text();
    const names = new Set(
      text
        .split('\n')
        .filter((l) => l && !l.startsWith('#'))
        .map((l) => /^[a-zA-Z_:][\w:]*/.exec(l)![0]),
    );
    for (const name of [
      'jvm_memory_used_bytes',
      'process_cpu_usage',
      'tomcat_threads_busy_threads',
      'hikaricp_connections_active',
      'hikaricp_connections_pending',
      'http_server_requests_seconds_count',
      // The job executor's thread pool, which Spring Boot binds; and its state and backlog, which EngineMetrics adds.
      'executor_active_threads',
      'executor_queued_tasks',
      'operaton_job_executor_active',
      'operaton_jobs',
      'operaton_external_tasks',
      'operaton_incidents_open',
    ])
      expect(names, name).toContain(name);
    expect(text).toMatch(/^executor_active_threads\{name="operatonTaskExecutor"\} /m);
    expect(text).toMatch(/^operaton_job_executor_active 1\.0$/m);
    for (const state of ['executable', 'failed'])
      expect(text).toMatch(new RegExp(`^operaton_jobs\\{state="${state}"\\} \\d`, 'm'));
    for (const state of ['waiting', 'locked', 'failed'])
      expect(text).toMatch(new RegExp(`^operaton_external_tasks\\{state="${state}"\\} \\d`, 'm'));
  });

  it('publishes no other actuator endpoint than health and Prometheus', async () => {
    for (const path of ['env', 'beans', 'configprops', 'heapdump', 'threaddump', 'metrics', 'loggers'])
      expect((await fetch(`${new URL(url).origin}/actuator/${path}`)).status, path).toBe(404);
  });
});
