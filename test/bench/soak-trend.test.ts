import { describe, expect, it } from 'vitest';
import { parsePrometheusText, sumOf } from '../../bench/support/prometheus-text.js';
import { floors, trendOf } from '../../bench/support/trend.js';
import { heapAfterCollections } from '../../bench/support/gc-log.js';
import { verdicts } from '../../bench/support/soak-report.js';

const rss = { absolutePerHour: 20, relativePerHour: 0.05 };
const heap = { absolutePerHour: 10, relativePerHour: 0.05, floorWindowSeconds: 120 };
/** A sample every 15 s for an hour, [seconds, value]. */
const hour = (f: (t: number) => number) => Array.from({ length: 241 }, (_, i): [number, number] => [i * 15, f(i * 15)]);

describe('the soak’s verdict: the slope over the second half of the run, per hour, against a threshold', () => {
  it('a process that settles after a warm-up is flat; one that keeps growing is growing, by how much per hour', () => {
    // 200 MiB, plus 100 MiB of warm-up in the first 20 minutes, then level with a little noise
    const settles = hour((t) => 200 + 100 * Math.min(1, t / 1200) + ((t / 15) % 3));
    expect(trendOf(settles, rss, 3600)).toMatchObject({ verdict: 'flat' });
    // 200 MiB growing 30 MiB an hour: over both 20 MiB/h and 5 % of ~215 MiB per hour
    const leaks = hour((t) => 200 + (30 * t) / 3600);
    const t = trendOf(leaks, rss, 3600);
    expect(t.verdict).toBe('growing');
    expect(t.perHour).toBeCloseTo(30, 5);
    // 1,000 MiB growing 30 MiB an hour is under 5 % of its mean: flat by the rule
    expect(
      trendOf(
        hour((s) => 1000 + (30 * s) / 3600),
        rss,
        3600,
      ).verdict,
    ).toBe('flat');
  });

  it('a heap is judged by its floor after collections, not by where the saw-tooth happened to be sampled', () => {
    // Collected every minute back to 100 MiB, filling between; in the last ten minutes it fills faster between
    // collections (more load), but each collection still gets back to 100 MiB
    const sawtooth = hour((t) => 100 + (t % 60) * (t > 3000 ? 2 : 1));
    expect(trendOf(sawtooth, { absolutePerHour: 10, relativePerHour: 0.05 }, 3600).verdict).toBe('growing');
    expect(trendOf(sawtooth, heap, 3600).verdict).toBe('flat');
    // A floor that rises is growing
    expect(
      trendOf(
        hour((t) => 100 + (t % 60) + (40 * t) / 3600),
        heap,
        3600,
      ).verdict,
    ).toBe('growing');
    expect(
      floors(
        [
          [0, 5],
          [10, 3],
          [130, 7],
          [200, 6],
        ],
        120,
      ),
    ).toEqual([
      [10, 3],
      [200, 6],
    ]);
  });

  it('no verdict without figures (a page that could not be scraped reads NaN)', () => {
    expect(
      trendOf(
        hour(() => Number.NaN),
        rss,
        3600,
      ).verdict,
    ).toBe('no data');
  });
});

describe('reading a Prometheus page', () => {
  it('sums a metric’s samples whose labels match, NaN for one not exposed', () => {
    const page = parsePrometheusText(
      [
        '# HELP jvm_memory_used_bytes The amount of used memory',
        '# TYPE jvm_memory_used_bytes gauge',
        'jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.048576E7',
        'jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 2.097152E7',
        'jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.0E7',
        'nodejs_active_handles_total 42',
      ].join('\n'),
    );
    expect(sumOf(page, 'jvm_memory_used_bytes', { area: 'heap' })).toBe(3 * 2 ** 20 * 10);
    expect(sumOf(page, 'nodejs_active_handles_total')).toBe(42);
    expect(sumOf(page, 'nodejs_heap_size_used_bytes')).toBeNaN();
  });
});

describe('the engine’s heap from its collector’s log', () => {
  const line = (at: string, up: number, n: number, kind: string, before: number, after: number) =>
    `[${at}][${up.toFixed(3)}s] GC(${n}) Pause ${kind} (G1 Evacuation Pause) ${before}M->${after}M(768M) 8.100ms`;

  it('reads the heap after each young or full pause, at its wall-clock time, and skips remark and clean-up', () => {
    const log = [
      line('2026-12-07T05:46:26.925+0000', 3595.622, 431, 'Young (Normal)', 563, 104),
      '[2026-12-07T05:46:27.000+0000][3595.700s] GC(432) Pause Remark 118M->118M(768M) 75.951ms',
      '[2026-12-07T05:46:27.100+0000][3595.800s] GC(432) Pause Cleanup 127M->127M(768M) 0.087ms',
      line('2026-12-07T05:46:30.000+0000', 3598.7, 433, 'Young (Mixed)', 480, 92),
      '[2026-12-07T05:46:31.000+0000][3599.7s] GC(434) Pause Full (System.gc()) 300M->61M(768M) 120.000ms',
    ].join('\n');

    expect(heapAfterCollections(log)).toEqual([
      { at: '2026-12-07T05:46:26.925Z', afterMiB: 104 },
      { at: '2026-12-07T05:46:30.000Z', afterMiB: 92 },
      { at: '2026-12-07T05:46:31.000Z', afterMiB: 61 },
    ]);
  });

  it('judges the engine’s heap on those figures when the run kept the log, not on 15-second samples of the saw-tooth', () => {
    const start = Date.parse('2026-12-07T04:46:00Z');
    const at = (t: number) => new Date(start + t * 1000).toISOString();
    // Samples every 15 s that catch a 100–560 MiB saw-tooth at a drifting phase: their 2-minute floors wander
    const samples = Array.from({ length: 241 }, (_, i) => ({
      t: i * 15,
      at: at(i * 15),
      load1: 1,
      started: 0,
      finished: 0,
      errors: 0,
      inFlight: 0,
      pg: {},
      processes: {
        engine: {
          rssMiB: 1090,
          heapUsedMiB: i * 15 > 1800 ? 100 + ((i * 37) % 460) * (i / 241) : 100,
          eventLoopP99Ms: Number.NaN,
          handles: 60,
          pgConnections: 20,
        },
      },
    }));
    const run = {
      startedAt: at(0),
      minutes: 60,
      perSecond: 1.65,
      rateSource: 'test',
      sampleSeconds: 15,
      machine: { cpu: 'x', cores: 2, memoryGiB: 24, node: 'v20', commit: 'abc', loadBefore: [0, 0, 0] },
      counts: { started: 0, finished: 0, errors: 0, skipped: 0, lost: 0 },
      errorsByMessage: [],
      registrationsByState: {},
      durationsMs: [],
      samples,
    };
    const sampledVerdict = verdicts(run).find((v) => v.process === 'engine' && v.figure.startsWith('heap'))!;
    expect(sampledVerdict.trend.verdict).toBe('growing');

    // The collector says the heap went back to 100–104 MiB at every pause (one every 10 s)
    const afterGc = Array.from({ length: 360 }, (_, i) => ({ at: at(i * 10), afterMiB: 100 + (i % 5) }));
    const logged = verdicts({ ...run, engineHeapAfterGc: afterGc }).find(
      (v) => v.process === 'engine' && v.figure.startsWith('heap'),
    )!;
    expect(logged.figure).toContain('collector');
    expect(logged.trend.verdict).toBe('flat');
    expect(logged.trend.mean).toBeCloseTo(102, 0);
  });
});
