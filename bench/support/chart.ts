import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { BenchResults } from './results.js';

const p99Of = (level: BenchResults['fullStack'][number], prefix: string) =>
  level.applicant.find(([n]) => n.startsWith(prefix))?.[1].p99;

/** Two panels, drawn by Vega-Lite as SVG: registrations per second, and the applicant's p99 waits, by registrations in flight. */
export async function chartSvg(results: BenchResults, before?: BenchResults): Promise<string> {
  const throughput = [
    ...results.ceiling.map((l) => ({
      inFlight: l.concurrency,
      perSecond: l.perSecond,
      series: 'ceiling (engine + client)',
    })),
    ...results.fullStack.map((l) => ({ inFlight: l.concurrency, perSecond: l.perSecond, series: 'full stack' })),
    ...(before?.fullStack ?? []).map((l) => ({
      inFlight: l.concurrency,
      perSecond: l.perSecond,
      series: `full stack, before (${before!.label})`,
    })),
  ];
  const waits = results.fullStack
    .flatMap((l) => [
      { inFlight: l.concurrency, p99: p99Of(l, '(a)'), wait: '(a) submit → code screen' },
      { inFlight: l.concurrency, p99: p99Of(l, '(b)'), wait: '(b) code → under review' },
      { inFlight: l.concurrency, p99: p99Of(l, '(c)'), wait: '(c) decision → account + SMS' },
    ])
    .filter((d) => d.p99 !== undefined);
  const x = { field: 'inFlight', type: 'ordinal', title: 'registrations in flight' } as const;
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `Payam registration benchmark — ${results.startedAt.slice(0, 10)}`,
    hconcat: [
      {
        title: 'completed registrations per second',
        width: 320,
        height: 240,
        data: { values: throughput },
        mark: { type: 'line', point: true },
        encoding: {
          x,
          y: { field: 'perSecond', type: 'quantitative', title: 'registrations / s' },
          color: { field: 'series', type: 'nominal', title: null, legend: { orient: 'bottom', direction: 'vertical' } },
        },
      },
      {
        title: 'full stack: p99 of what the applicant waits for',
        width: 320,
        height: 240,
        data: { values: waits },
        mark: { type: 'line', point: true },
        encoding: {
          x,
          y: { field: 'p99', type: 'quantitative', title: 'p99, ms', scale: { type: 'log' } },
          color: { field: 'wait', type: 'nominal', title: null, legend: { orient: 'bottom', direction: 'vertical' } },
        },
      },
    ],
    config: { font: 'sans-serif', background: 'white' },
  };
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  return view.toSVG();
}
