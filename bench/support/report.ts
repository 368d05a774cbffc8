import type { BenchResults, FullStackLevel, LevelMeasure } from './results.js';
import { ms, type Summary } from './stats.js';

const rate = (v: number) => v.toFixed(2);
const trio = (s: Summary | undefined) => (s ? `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)}` : '–');
const find = (rows: [string, Summary][], prefix: string) => rows.find(([n]) => n.startsWith(prefix))?.[1];
const errorsOf = (l: LevelMeasure) => l.errors.length;

/** Requests that wait for no outside system (PGSB, SMS): the applicant's own screens. */
const LOCAL_ROUTES = ['POST start', 'PUT applicant data', 'POST letter', 'GET captcha', 'GET view (poll)'];

/** The full-stack level nearest half the full stack's best throughput ("half the plateau load"). */
function halfPlateau(r: BenchResults): FullStackLevel | undefined {
  const best = Math.max(...r.fullStack.map((l) => l.perSecond));
  return [...r.fullStack].sort((a, b) => Math.abs(a.perSecond - best / 2) - Math.abs(b.perSecond - best / 2))[0];
}

export function targets(r: BenchResults) {
  const ceilingBest = Math.max(...r.ceiling.map((l) => l.perSecond));
  const fullBest = Math.max(...r.fullStack.map((l) => l.perSecond));
  const half = halfPlateau(r);
  const localP99 = half ? Math.max(...LOCAL_ROUTES.map((n) => find(half.requests, n)?.p99 ?? 0)) : Number.NaN;
  const submitP99 = half ? (find(half.applicant, '(a)')?.p99 ?? Number.NaN) : Number.NaN;
  const errors = [...r.ceiling, ...r.fullStack].reduce((a, l) => a + errorsOf(l), 0);
  return [
    {
      target: 'full stack ≥ 0.8 × ceiling at the plateau',
      measured: `${rate(fullBest)} / ${rate(ceilingBest)}${ceilingBest > 0 ? ` = ${(fullBest / ceilingBest).toFixed(2)}` : ''}`,
      met: ceilingBest > 0 && fullBest >= 0.8 * ceilingBest,
    },
    {
      target: `p99 submit → code screen < 1 s at half the plateau (${half?.concurrency} in flight)`,
      measured: `${ms(submitP99)} ms`,
      met: submitP99 < 1000,
    },
    {
      target: `p99 of every applicant request with no outside system < 300 ms (${half?.concurrency} in flight)`,
      measured: `${ms(localP99)} ms`,
      met: localP99 < 300,
    },
    {
      target: 'engine one-task p99 < 100 ms through the worker client',
      measured: `${ms(r.oneTask.client.p99)} ms`,
      met: r.oneTask.client.p99 < 100,
    },
    { target: '0 errors', measured: String(errors), met: errors === 0 },
  ];
}

export function summaryTable(r: BenchResults): string {
  const lines = [
    '| in flight | ceiling reg/s | full stack reg/s | ratio | ceiling instance p50/p95/p99 ms | full-stack instance p50/p95/p99 ms | (a) submit → code p99 | (b) code → review p99 | (c) decision → SMS p99 | errors |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const c of r.ceiling) {
    const f = r.fullStack.find((l) => l.concurrency === c.concurrency);
    lines.push(
      `| ${c.concurrency} | ${rate(c.perSecond)} | ${f ? rate(f.perSecond) : '–'} | ${f && c.perSecond > 0 ? (f.perSecond / c.perSecond).toFixed(2) : '–'} | ${trio(c.instance)} | ${trio(f?.instance)} | ${ms(find(f?.applicant ?? [], '(a)')?.p99 ?? Number.NaN)} | ${ms(find(f?.applicant ?? [], '(b)')?.p99 ?? Number.NaN)} | ${ms(find(f?.applicant ?? [], '(c)')?.p99 ?? Number.NaN)} | ${errorsOf(c) + (f ? errorsOf(f) : 0)} |`,
    );
  }
  return lines.join('\n');
}

function usageTable(r: BenchResults) {
  const names = [...new Set([...r.ceiling, ...r.fullStack].flatMap((l) => l.usage.map((u) => u.name)))];
  const head = `| phase | in flight | ${names.map((n) => `${n} CPU % / RSS MiB`).join(' | ')} |`;
  const rows = [head, `|---|---:|${names.map(() => '---:').join('|')}|`];
  for (const [phase, levels] of [
    ['ceiling', r.ceiling],
    ['full stack', r.fullStack],
  ] as const) {
    for (const l of levels) {
      rows.push(
        `| ${phase} | ${l.concurrency} | ${names
          .map((n) => {
            const u = l.usage.find((x) => x.name === n);
            return u ? `${u.cpuPercent.toFixed(0)} / ${u.maxRssMiB.toFixed(0)}` : '–';
          })
          .join(' | ')} |`,
      );
    }
  }
  return rows.join('\n');
}

/**
 * CPU time per registration, by process: each level's CPU time over every registration that ended well in
 * it (ramp and drain included, as the CPU time is). On a machine where every process shares the cores,
 * the ratio of the totals is the throughput ratio the plateau can reach, whatever the noise of one window.
 */
function cpuPerRegistrationTable(r: BenchResults) {
  const names = [...new Set([...r.ceiling, ...r.fullStack].flatMap((l) => l.usage.map((u) => u.name)))];
  const rows = [
    `| phase | in flight | ${names.join(' | ')} | all |`,
    `|---|---:|${names.map(() => '---:').join('|')}|---:|`,
  ];
  for (const [phase, levels] of [
    ['ceiling', r.ceiling],
    ['full stack', r.fullStack],
  ] as const) {
    for (const l of levels) {
      if (!l.finished) continue;
      const per = (n: string) => (l.usage.find((x) => x.name === n)?.cpuMs ?? 0) / l.finished!;
      rows.push(
        `| ${phase} | ${l.concurrency} | ${names.map((n) => per(n).toFixed(0)).join(' | ')} | **${names.reduce((a, n) => a + per(n), 0).toFixed(0)}** |`,
      );
    }
  }
  return rows.join('\n');
}

function stepsTable(level: LevelMeasure, ceiling?: LevelMeasure) {
  const rows = [
    '| step (model element) | starts at, ms after the start (mean) | full stack p50 / p95 / p99 ms | ceiling p50 / p95 / p99 ms |',
    '|---|---:|---:|---:|',
  ];
  for (const s of level.steps) {
    const c = ceiling?.steps.find((x) => x.name === s.name);
    rows.push(`| ${s.name} (${s.type}) | ${ms(s.offset)} | ${trio(s.summary)} | ${trio(c?.summary)} |`);
  }
  return rows.join('\n');
}

const summaryRows = (rows: [string, Summary][]) =>
  rows.map(([n, s]) => `| ${n} | ${s.n} | ${trio(s)} | ${ms(s.max)} |`).join('\n');

export function markdownReport(r: BenchResults, chartFile: string, before?: BenchResults): string {
  const half = halfPlateau(r);
  const ceilingAtHalf = r.ceiling.find((l) => l.concurrency === half?.concurrency);
  const out: string[] = [];
  out.push(
    `# Registrations per second: the full stack against the engine's own ceiling — ${r.startedAt.slice(0, 16).replace('T', ' ')} UTC`,
  );
  out.push('');
  out.push(
    `Run: \`npm run bench\` (${r.label}); ${r.seconds.toFixed(0)} s in all. Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGiB} GiB; ${r.machine.os}; Node ${r.machine.node}; Operaton 1.0.3 (engine/); commit ${r.machine.commit}. Load average before the run: ${r.machine.loadBefore.map((v) => v.toFixed(2)).join(', ')}.`,
  );
  out.push('');
  out.push(
    "**Ceiling**: the deployed models, every topic answered at once by a no-op worker through our worker client (one long poll for all topics, as the real workers), the user tasks completed by the driver straight through the engine's REST API. **Full stack**: the API and the workers as their own processes, registrations driven through the public API exactly as the form drives them (start, data, letter, captcha through the test hook, submit, the code read off the SMS simulator, the reviewer's decision through the reviewers' API) until the \"registered\" SMS; simulators answer at once. Each level is a closed loop: that many registrations in flight, each replaced when it ends; throughput counts those that end in the last two thirds of the level (the first third is the ramp, when none has ended yet).",
  );
  out.push('');
  out.push(summaryTable(r));
  out.push('');
  out.push(`![registrations per second and p99 waits](${chartFile})`);
  out.push('');
  out.push('## Targets');
  out.push('');
  out.push('| target | measured | met |');
  out.push('|---|---:|:---:|');
  for (const t of targets(r)) out.push(`| ${t.target} | ${t.measured} | ${t.met ? 'yes' : '**no**'} |`);
  out.push('');
  out.push(
    `Engine one task through the worker client (one instance at a time, after a warm-up): start request → completion acknowledged p50/p95/p99 ${trio(r.oneTask.client)} ms; the engine's own start → end ${trio(r.oneTask.engine)} ms.`,
  );
  if (before) {
    out.push('');
    out.push(`## Before and after (${before.label} → ${r.label})`);
    out.push('');
    out.push(
      '| in flight | full stack reg/s before → after | (a) submit → code p99 before → after | (b) code → review p99 before → after | (c) decision → SMS p99 before → after |',
    );
    out.push('|---:|---:|---:|---:|---:|');
    for (const a of r.fullStack) {
      const b = before.fullStack.find((l) => l.concurrency === a.concurrency);
      const p = (l: FullStackLevel | undefined, k: string) => ms(find(l?.applicant ?? [], k)?.p99 ?? Number.NaN);
      out.push(
        `| ${a.concurrency} | ${b ? rate(b.perSecond) : '–'} → ${rate(a.perSecond)} | ${p(b, '(a)')} → ${p(a, '(a)')} | ${p(b, '(b)')} → ${p(a, '(b)')} | ${p(b, '(c)')} → ${p(a, '(c)')} |`,
      );
    }
  }
  out.push('');
  out.push('## Full stack: what the applicant waits for, per level (p50 / p95 / p99 ms)');
  for (const l of r.fullStack) {
    out.push('');
    out.push(
      `### ${l.concurrency} in flight — ${rate(l.perSecond)} registrations/s, ${l.completed} ended in the counted ${l.windowSeconds.toFixed(0)} s, ${l.errors.length} errors${l.errors.length ? `: ${[...new Set(l.errors)].slice(0, 5).join('; ')}` : ''}`,
    );
    out.push('');
    out.push('| measure | n | p50 / p95 / p99 ms | max ms |');
    out.push('|---|---:|---:|---:|');
    out.push(summaryRows(l.applicant));
    out.push(summaryRows(l.requests));
  }
  out.push('');
  out.push('## CPU and memory of each process');
  out.push('');
  out.push(
    "CPU time over the level's wall time (100 % = one core); RSS the highest seen (PostgreSQL: the server and all its backends, so other databases' work on the machine counts too).",
  );
  out.push('');
  out.push(usageTable(r));
  if ([...r.ceiling, ...r.fullStack].some((l) => l.finished)) {
    out.push('');
    out.push(
      "CPU time per registration (core-milliseconds): each process's CPU time in the level over every registration that ended well in it, ramp and drain included. With every process on the same cores, the ratio of the totals bounds the throughput ratio.",
    );
    out.push('');
    out.push(cpuPerRegistrationTable(r));
  }
  if (half) {
    out.push('');
    out.push(`## Where the time goes, step by step (${half.concurrency} in flight)`);
    out.push('');
    out.push(
      'Inside the API, the submit and code requests (Server-Timing; `hash` is argon2id, `task` waiting for the user task, `engine` completing it, `wait` waiting for the workers to reach the next step):',
    );
    out.push('');
    out.push('| part | n | p50 / p95 / p99 ms | max ms |');
    out.push('|---|---:|---:|---:|');
    out.push(summaryRows(half.server));
    out.push('');
    out.push(
      "In the engine (history; a service task's time is waiting for a worker to lock it plus the work plus the completion, a user task's is the applicant's or reviewer's):",
    );
    out.push('');
    out.push(stepsTable(half, ceilingAtHalf));
  }
  out.push('');
  return out.join('\n');
}
