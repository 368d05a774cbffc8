import pidtree from 'pidtree';
import pidusage from 'pidusage';

/** A service as the report names it, and how to find its processes (a server's children count with it). */
export interface Watched {
  name: string;
  pid: () => Promise<number | undefined>;
  withChildren?: boolean;
}

export interface Usage {
  name: string;
  cpuPercent: number;
  cpuMs: number;
  maxRssMiB: number;
}

async function pidsOf(w: Watched) {
  const pid = await w.pid();
  if (!pid) return [];
  return w.withChildren ? [pid, ...(await pidtree(pid).catch(() => []))] : [pid];
}

/**
 * CPU and memory of each watched service over a stretch of time: CPU time used (user + system, all
 * its processes) over the wall time, so 100 % is one core; RSS sampled every second, the highest sum.
 */
export function watchUsage(watched: Watched[]) {
  const start = new Map<string, number>();
  const maxRss = new Map<string, number>();
  let t0 = 0;
  let timer: NodeJS.Timeout | undefined;

  async function read(w: Watched) {
    const pids = await pidsOf(w);
    if (!pids.length) return { cpuMs: 0, rss: 0 };
    const stats = await pidusage(pids).catch(() => ({}));
    const list = Object.values(stats).filter(Boolean);
    return { cpuMs: list.reduce((a, s) => a + s.ctime, 0), rss: list.reduce((a, s) => a + s.memory, 0) };
  }
  async function sampleRss() {
    for (const w of watched) {
      const { rss } = await read(w);
      maxRss.set(w.name, Math.max(maxRss.get(w.name) ?? 0, rss));
    }
  }

  return {
    async begin() {
      maxRss.clear();
      t0 = Date.now();
      for (const w of watched) start.set(w.name, (await read(w)).cpuMs);
      timer = setInterval(() => void sampleRss(), 1_000);
    },
    async end(): Promise<Usage[]> {
      clearInterval(timer);
      const wall = Date.now() - t0;
      const out: Usage[] = [];
      for (const w of watched) {
        const now = await read(w);
        maxRss.set(w.name, Math.max(maxRss.get(w.name) ?? 0, now.rss));
        // A server's short-lived children (PostgreSQL's backends) take their CPU time with them when they exit; the sum can dip.
        const cpuMs = Math.max(0, now.cpuMs - (start.get(w.name) ?? 0));
        out.push({
          name: w.name,
          cpuPercent: (100 * cpuMs) / wall,
          cpuMs,
          maxRssMiB: (maxRss.get(w.name) ?? 0) / 1024 / 1024,
        });
      }
      return out;
    },
  };
}
