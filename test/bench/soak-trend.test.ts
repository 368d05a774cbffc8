import { describe, expect, it } from 'vitest';
import { parsePrometheusText, sumOf } from '../../bench/support/prometheus-text.js';
import { floors, trendOf } from '../../bench/support/trend.js';

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
