import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { HeapAfterCollection } from './gc-log.js';
import type { SoakSample } from './soak-sampler.js';
import { summarize } from './stats.js';
import { trendOf, type Trend, type TrendRule } from './trend.js';

export interface SoakResults {
  startedAt: string;
  minutes: number;
  perSecond: number;
  rateSource: string;
  sampleSeconds: number;
  machine: { cpu: string; cores: number; memoryGiB: number; node: string; commit: string; loadBefore: number[] };
  counts: { started: number; finished: number; errors: number; skipped: number; lost: number };
  errorsByMessage: [string, number][];
  /** Registrations in our database at the end, by state (the driver's own, the database being the run's). */
  registrationsByState: Record<string, number>;
  /** This run's two databases (ours, the engine's): the machine's other databases are left out of the tables. */
  databases?: string[];
  durationsMs: number[];
  samples: SoakSample[];
  /** The engine's heap after each young or full collection, from the collector's log. */
  engineHeapAfterGc?: HeapAfterCollection[];
  /** The engine's JVM flags for the run and Native Memory Tracking's summary at the end against a baseline. */
  engineNativeMemory?: { jvmFlags: string; baselineAtMinute: number; diff: string };
}

/** The figures judged, and the rule for each (per hour, over the second half of the run). */
const FIGURES: { key: 'rssMiB' | 'heapUsedMiB' | 'handles' | 'pgConnections'; label: string; rule: TrendRule }[] = [
  { key: 'rssMiB', label: 'RSS MiB', rule: { absolutePerHour: 20, relativePerHour: 0.05 } },
  {
    key: 'heapUsedMiB',
    label: 'heap used MiB (floor per 2 min)',
    rule: { absolutePerHour: 10, relativePerHour: 0.05, floorWindowSeconds: 120 },
  },
  { key: 'handles', label: 'handles (Node) / threads (JVM)', rule: { absolutePerHour: 10, relativePerHour: 0.1 } },
  { key: 'pgConnections', label: 'PostgreSQL connections', rule: { absolutePerHour: 2, relativePerHour: 0.1 } },
];

const RULE_TEXT =
  'For each process and figure, the least-squares slope over the second half of the run (the first half is the ' +
  'warm-up: JIT, pools and caches filling), per hour. **Growing** when the slope exceeds both an absolute amount ' +
  'and a share of the figure’s mean per hour: RSS 20 MiB/h and 5 %/h; heap 10 MiB/h and 5 %/h, fitted to the ' +
  'lowest sample of each 2 minutes (the heap after collections, not the saw-tooth between them; in a run shorter than ' +
  '48 minutes, of each 1/24 of it; a last window cut short left out); handles or ' +
  'threads 10/h and 10 %/h; PostgreSQL connections 2/h and 10 %/h. Otherwise **flat** (or shrinking). The engine’s ' +
  'heap, where its collector’s log was kept, is judged on the heap after every young or full collection the log ' +
  'records, under the heap’s thresholds: with a young generation of hundreds of MiB, samples every 15 s catch the ' +
  'floor only by chance.';

const processNames = (r: SoakResults) => Object.keys(r.samples[0]?.processes ?? {});
const runSeconds = (r: SoakResults) => r.samples.at(-1)?.t ?? 0;

/** The collector's own figure, where the run kept its log: seconds since the first sample, MiB. */
function engineHeapAfterGcPoints(r: SoakResults): [number, number][] | undefined {
  const t0 = r.samples[0] ? Date.parse(r.samples[0].at) : Number.NaN;
  if (!r.engineHeapAfterGc?.length || !Number.isFinite(t0)) return undefined;
  return r.engineHeapAfterGc.map((g): [number, number] => [(Date.parse(g.at) - t0) / 1000, g.afterMiB]);
}

const HEAP_AFTER_GC_LABEL = 'heap after each collection MiB (the collector’s log)';

export function verdicts(r: SoakResults) {
  const out: { process: string; figure: string; trend: Trend }[] = [];
  for (const p of processNames(r)) {
    for (const f of FIGURES) {
      const afterGc = p === 'engine' && f.key === 'heapUsedMiB' ? engineHeapAfterGcPoints(r) : undefined;
      if (afterGc) {
        const { floorWindowSeconds: _sampled, ...rule } = f.rule;
        out.push({ process: p, figure: HEAP_AFTER_GC_LABEL, trend: trendOf(afterGc, rule, runSeconds(r)) });
        continue;
      }
      const points = r.samples.map((s): [number, number] => [s.t, s.processes[p]?.[f.key] ?? Number.NaN]);
      out.push({ process: p, figure: f.label, trend: trendOf(points, f.rule, runSeconds(r)) });
    }
  }
  return out;
}

const n1 = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '–');
const n0 = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : '–');

/** Every sample of a short run; about one every five minutes of a long one, and the last. */
function tableRows(r: SoakResults) {
  const every = runSeconds(r) > 900 ? 300 : 0;
  let next = 0;
  return r.samples.filter((s, i) => {
    if (i === r.samples.length - 1 || s.t >= next) {
      next = s.t + every;
      return true;
    }
    return false;
  });
}

const ours = (r: SoakResults) => (key: string) => !r.databases || r.databases.includes(key.split(' / ')[0]!);

function overTimeTable(r: SoakResults) {
  const names = processNames(r);
  const dbs = [...new Set(r.samples.flatMap((s) => Object.keys(s.pg).map((k) => k.split(' / ')[0]!)))].filter(ours(r));
  const head = [
    'min',
    'load',
    'started / done / errors / in flight',
    ...names.map((n) =>
      n === 'engine'
        ? 'engine RSS / heap used / heap committed / non-heap MiB, threads, pg'
        : `${n} RSS / heap MiB, loop p99 ms, handles, pg`,
    ),
    ...dbs.map((d) => `backends ${d}`),
  ];
  const rows = [`| ${head.join(' | ')} |`, `|${head.map(() => '---:').join('|')}|`];
  for (const s of tableRows(r)) {
    const cells = [
      (s.t / 60).toFixed(1),
      s.load1.toFixed(2),
      `${s.started} / ${s.finished} / ${s.errors} / ${s.inFlight}`,
      ...names.map((n) => {
        const p = s.processes[n]!;
        return n === 'engine'
          ? `${n0(p.rssMiB)} / ${n0(p.heapUsedMiB)} / ${n0(p.heapCommittedMiB ?? Number.NaN)} / ${n0(p.nonHeapCommittedMiB ?? Number.NaN)}, ${n0(p.handles)}, ${n0(p.pgConnections)}`
          : `${n0(p.rssMiB)} / ${n1(p.heapUsedMiB)}, ${n1(p.eventLoopP99Ms)}, ${n0(p.handles)}, ${n0(p.pgConnections)}`;
      }),
      ...dbs.map((d) =>
        String(
          Object.entries(s.pg)
            .filter(([k]) => k.startsWith(`${d} / `))
            .reduce((a, [, v]) => a + v, 0),
        ),
      ),
    ];
    rows.push(`| ${cells.join(' | ')} |`);
  }
  return rows.join('\n');
}

function verdictTable(r: SoakResults) {
  const rows = [
    '| process | figure | mean (2nd half) | first → last (2nd half) | slope per hour | verdict |',
    '|---|---|---:|---:|---:|:---:|',
  ];
  for (const v of verdicts(r))
    rows.push(
      `| ${v.process} | ${v.figure} | ${n1(v.trend.mean)} | ${n1(v.trend.first)} → ${n1(v.trend.last)} | ${v.trend.perHour >= 0 ? '+' : ''}${n1(v.trend.perHour)} | ${v.trend.verdict === 'growing' ? '**growing**' : v.trend.verdict} |`,
    );
  return rows.join('\n');
}

function pgBreakdown(r: SoakResults) {
  const keys = [...new Set(r.samples.flatMap((s) => Object.keys(s.pg)))].filter(ours(r)).sort();
  const rows = ['| database / application | min | max | last |', '|---|---:|---:|---:|'];
  for (const k of keys) {
    const v = r.samples.map((s) => s.pg[k] ?? 0);
    rows.push(`| ${k} | ${Math.min(...v)} | ${Math.max(...v)} | ${v.at(-1)} |`);
  }
  return rows.join('\n');
}

function engineNativeMemorySection(r: SoakResults) {
  const n = r.engineNativeMemory;
  if (!n) return '';
  return `
## The engine's memory outside its heap (Native Memory Tracking)

The engine ran with \`${n.jvmFlags}\`. ${
    n.jvmFlags.includes('AlwaysPreTouch')
      ? 'Its heap was committed and touched in full at start, so its RSS moves only with memory outside the heap (metaspace, code cache, threads, the collector’s own structures, malloc). '
      : ''
  }Below: \`jcmd <pid> VM.native_memory summary.diff\` at the end of the load against a baseline taken at minute ${n.baselineAtMinute.toFixed(0)} (MB, committed; the figure after the sign is the change).

\`\`\`text
${n.diff.trim()}
\`\`\`
`;
}

export function soakMarkdown(r: SoakResults, svgName: string) {
  const loads = r.samples.map((s) => s.load1);
  const d = summarize(r.durationsMs);
  const c = r.counts;
  const byState = Object.entries(r.registrationsByState)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const errors = r.errorsByMessage.length ? r.errorsByMessage.map(([m, n]) => `- ${n} × ${m}`).join('\n') : 'None.';
  const growing = verdicts(r).filter((v) => v.trend.verdict === 'growing');
  return `# Soak: ${r.minutes} minutes of registrations at ${r.perSecond.toFixed(2)}/s — ${r.startedAt.slice(0, 16).replace('T', ' ')} UTC

Run: \`npm run soak -- --minutes ${r.minutes}\`. Rate: ${r.rateSource}. Machine: ${r.machine.cpu}, ${r.machine.cores} cores (shared with other runs), ${r.machine.memoryGiB} GiB; Node ${r.machine.node}; commit ${r.machine.commit}. Load average (1 min) before: ${r.machine.loadBefore.map((l) => l.toFixed(2)).join(', ')}; during: min ${Math.min(...loads).toFixed(2)}, mean ${(loads.reduce((a, b) => a + b, 0) / loads.length).toFixed(2)}, max ${Math.max(...loads).toFixed(2)}.

The stack as \`npm run bench\` starts it (the tests' own databases and engine, a Redis database of its own, the API and the workers as their own processes, PGSB, SMS and mail simulators answering at once). Registrations are driven through the public API exactly as the form drives them, to the reviewer's approval and the "registered" SMS, started at a fixed rate whatever the earlier ones are doing (an open loop, at most 200 in flight). Every ${r.sampleSeconds} s: each process's RSS (/proc), heap used, event-loop p99 delay and active handles (the API's and workers' Prometheus pages), the engine's JVM heap and live threads (its actuator Prometheus page), each process's TCP connections to PostgreSQL (ss), and PostgreSQL's backends by database and application (pg_stat_activity).

## Verdict

${growing.length ? `**Growing:** ${growing.map((v) => `${v.process} ${v.figure} (+${n1(v.trend.perHour)}/h)`).join('; ')}.` : '**Flat**: no process’s memory, handles or connections grew by the rule below.'}

${RULE_TEXT}

${verdictTable(r)}

## Registrations

Started ${c.started}, finished (registered) ${c.finished}, failed ${c.errors}, lost (still in flight after the drain) ${c.lost}, not started for being over 200 in flight ${c.skipped}. Start → "registered" SMS p50 / p95 / p99 / max: ${n0(d.p50)} / ${n0(d.p95)} / ${n0(d.p99)} / ${n0(d.max)} ms. In our database at the end: ${byState || '–'}.

Failures by message:

${errors}

## Memory over time

![RSS and heap of the API, the workers and the engine over time](${svgName})

## Over time

${overTimeTable(r)}

## PostgreSQL backends of this run's databases (pg_stat_activity, client backends)

${pgBreakdown(r)}
${engineNativeMemorySection(r)}`;
}

export async function soakChartSvg(r: SoakResults): Promise<string> {
  const values = [
    ...r.samples.flatMap((s) =>
      Object.entries(s.processes).flatMap(([name, p]) => [
        { minute: s.t / 60, MiB: p.rssMiB, process: name, figure: 'RSS' },
        { minute: s.t / 60, MiB: p.heapUsedMiB, process: name, figure: 'heap used' },
      ]),
    ),
    ...(engineHeapAfterGcPoints(r) ?? []).map(([t, MiB]) => ({
      minute: t / 60,
      MiB,
      process: 'engine, after each collection',
      figure: 'heap used',
    })),
  ];
  const panel = (figure: string, title: string) => ({
    title,
    width: 360,
    height: 240,
    transform: [{ filter: `datum.figure === '${figure}' && isValid(datum.MiB) && isFinite(datum.MiB)` }],
    mark: { type: 'line' as const },
    encoding: {
      x: { field: 'minute', type: 'quantitative' as const, title: 'minutes of load' },
      y: { field: 'MiB', type: 'quantitative' as const, title: 'MiB' },
      color: { field: 'process', type: 'nominal' as const, title: null, legend: { orient: 'bottom' as const } },
    },
  });
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `Payam soak — ${r.minutes} min at ${r.perSecond.toFixed(2)} registrations/s, ${r.startedAt.slice(0, 10)}`,
    data: { values },
    hconcat: [panel('RSS', 'resident memory (RSS)'), panel('heap used', 'heap used (V8 / JVM)')],
    config: { font: 'sans-serif', background: 'white' },
  };
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  return view.toSVG();
}
