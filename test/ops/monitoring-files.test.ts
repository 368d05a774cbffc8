import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startMetricsServer } from '../../adapters/metrics/metrics-server.js';
import { loadConfig } from '../../config/config.js';
import { projectRoot } from '../../config/paths.js';
import { createTaskMetrics } from '../../workers/support/task-metrics.js';
import { registerQueueDepths } from '../../workers/support/queue-metrics.js';
import { createNotificationQueue } from '../../adapters/queue/notification-queue.js';
import { randomUUID } from 'node:crypto';
import { standaloneApp, type StandaloneApp } from '../support/standalone-app.js';

/**
 * The alerting rules and the Grafana dashboard in ops/ name only metrics our endpoints expose, read from the
 * endpoints themselves (the API's and the workers' /metrics as api/server.ts and workers/main.ts serve them, the
 * test engine's /actuator/prometheus): a metric renamed or dropped fails here, not silently in Grafana.
 */
const read = (file: string) => readFileSync(path.join(projectRoot, file), 'utf8');
type Rule = {
  alert: string;
  expr: string;
  for: string;
  labels: { severity: string };
  annotations: Record<string, string>;
};
const rules = (
  parse(read('ops/prometheus/alerts.yml')) as { groups: { name: string; rules: Rule[] }[] }
).groups.flatMap((g) => g.rules);
type Panel = { id: number; type: string; title: string; datasource?: { uid: string }; targets?: { expr: string }[] };
const dashboard = JSON.parse(read('ops/grafana/payam-dashboard.json')) as {
  uid: string;
  title: string;
  panels: Panel[];
};
const scrape = parse(read('ops/prometheus/prometheus.yml')) as {
  rule_files: string[];
  scrape_configs: { job_name: string; metrics_path?: string }[];
};

/** Made by Prometheus for each target it scrapes, not by a target. */
const PROMETHEUS_OWN = new Set(['up']);
const PROMQL_WORDS = new Set([
  'and',
  'or',
  'unless',
  'bool',
  'offset',
  'by',
  'without',
  'on',
  'ignoring',
  'inf',
  'nan',
]);

/** The metric names a PromQL expression selects: no function, keyword, label, string or duration. */
function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  return [...bare.matchAll(/\b[a-zA-Z_:][\w:]*\b(?!\s*\()/g)].map((m) => m[0]).filter((w) => !PROMQL_WORDS.has(w));
}

/** Every sample name a scrape can hold: each family's name, and a histogram's _bucket, _sum and _count. */
function exposedNames(text: string) {
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    const type = /^# TYPE (\S+) (\S+)/.exec(line);
    if (type) {
      names.add(type[1]!);
      if (type[2] === 'histogram' || type[2] === 'summary')
        for (const suffix of ['_bucket', '_sum', '_count']) names.add(`${type[1]}${suffix}`);
    } else if (line && !line.startsWith('#')) names.add(/^[a-zA-Z_:][\w:]*/.exec(line)![0]);
  }
  return names;
}

const exposed = new Set<string>();
let api: StandaloneApp;
const servers: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  api = await standaloneApp();
  // The workers' figures as workers/runtime.ts registers them: tasks per topic, and queue depths from Redis.
  const workers = new Registry();
  createTaskMetrics(workers);
  const queue = createNotificationQueue(loadConfig().REDIS_URL, `monitoring-test-${randomUUID()}`, {
    attempts: 1,
    backoffMs: 0,
  });
  servers.push(queue);
  registerQueueDepths(workers, () => [queue.queue]);
  for (const registry of [api.app.metricsRegistry, workers]) {
    const server = await startMetricsServer(registry, '127.0.0.1', 0);
    servers.push(server);
    for (const n of exposedNames(await (await fetch(server.url)).text())) exposed.add(n);
  }
  const engine = await fetch(`${new URL(loadConfig().ENGINE_URL).origin}/actuator/prometheus`);
  for (const n of exposedNames(await engine.text())) exposed.add(n);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await api?.app.close();
});

describe('the alerting rules and the dashboard in ops/ use only metrics our endpoints expose', () => {
  it('reads metric names out of PromQL as Prometheus would', () => {
    expect(
      metricNames(
        'histogram_quantile(0.95, sum by (le, route) (rate(payam_api_request_duration_seconds_bucket{status=~"5.."}[5m]))) > bool 1',
      ),
    ).toEqual(['payam_api_request_duration_seconds_bucket']);
    expect(metricNames('up{job=~"payam-.*"} == 0 or max without (instance) (operaton_jobs) offset 5m')).toEqual([
      'up',
      'operaton_jobs',
    ]);
  });

  it('alerts on an open incident, an overdue review, the outbox, the API’s 5xx rate and a target down, each with its severity and summary', () => {
    expect(rules.map((r) => r.alert)).toEqual(
      expect.arrayContaining([
        'PayamIncidentOpen',
        'PayamReviewOverdue',
        'PayamOutboxUndelivered',
        'PayamApi5xxRate',
        'PayamTargetDown',
      ]),
    );
    for (const r of rules) {
      expect(r.expr, r.alert).toBeTruthy();
      expect(r.for, r.alert).toMatch(/^\d+[smh]$/);
      expect(['page', 'ticket'], r.alert).toContain(r.labels.severity);
      expect(r.annotations.summary, r.alert).toBeTruthy();
    }
  });

  it('every metric a rule (its expression and its annotations’ queries) names is exposed', () => {
    expect(exposed.size).toBeGreaterThan(50);
    const used = rules.flatMap((r) => [
      ...metricNames(r.expr),
      ...Object.values(r.annotations).flatMap((a) =>
        [...a.matchAll(/query "([^"]*)"/g)].flatMap((m) => metricNames(m[1]!)),
      ),
    ]);
    expect(used.length).toBeGreaterThan(5);
    expect([...new Set(used)].filter((n) => !exposed.has(n) && !PROMETHEUS_OWN.has(n))).toEqual([]);
  });

  it('every metric a dashboard panel queries is exposed, each panel on the dashboard’s Prometheus', () => {
    expect(dashboard).toMatchObject({ uid: 'payam-iran', title: expect.stringContaining('Payam Iran') });
    const panels = dashboard.panels.filter((p) => p.type !== 'row');
    expect(new Set(dashboard.panels.map((p) => p.id)).size).toBe(dashboard.panels.length);
    const used: string[] = [];
    for (const p of panels) {
      expect(p.datasource?.uid, p.title).toBe('${datasource}');
      expect(p.targets?.length, p.title).toBeGreaterThan(0);
      for (const t of p.targets!) used.push(...metricNames(t.expr));
    }
    expect([...new Set(used)].filter((n) => !exposed.has(n) && !PROMETHEUS_OWN.has(n))).toEqual([]);
    // The process's own figures each have a panel: registrations by state and unsuccessful by reason, incidents, reviews.
    expect(used).toEqual(
      expect.arrayContaining([
        'payam_registrations',
        'payam_registrations_unsuccessful',
        'payam_incidents_open',
        'payam_review_oldest_age_seconds',
      ]),
    );
  });

  it('scrapes the three endpoints as the rules and the dashboard select them, and loads the rules', () => {
    expect(scrape.rule_files).toEqual(['alerts.yml']);
    expect(scrape.scrape_configs.map((c) => [c.job_name, c.metrics_path ?? '/metrics'])).toEqual([
      ['payam-api', '/metrics'],
      ['payam-workers', '/metrics'],
      ['payam-engine', '/actuator/prometheus'],
    ]);
  });
});
