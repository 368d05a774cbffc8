/**
 * The heap after each collection, as the JVM's own log gives it (`-Xlog:gc:file=…:uptime,time`). With a large
 * young generation the heap saws between ~100 and ~550 MiB every few seconds, so samples taken every 15 s catch
 * its floor only by chance; the collector states the floor itself at every pause.
 */
export interface HeapAfterCollection {
  at: string;
  afterMiB: number;
}

// [2026-12-07T05:20:53.415+0000][2062.113s] GC(271) Pause Young (Normal) (G1 Evacuation Pause) 556M->109M(768M) 37.428ms
const PAUSE = /^\[([^\]]+)\]\[[\d.]+s\] GC\(\d+\) Pause (?:Young|Full)\b.*? (\d+)M->(\d+)M\(\d+M\)/;

/** Young and full pauses only: a remark or clean-up pause frees nothing and says nothing of the floor. */
export function heapAfterCollections(log: string): HeapAfterCollection[] {
  const out: HeapAfterCollection[] = [];
  for (const line of log.split('\n')) {
    const m = PAUSE.exec(line);
    if (!m) continue;
    const at = new Date(m[1]!.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
    if (!Number.isNaN(at.getTime())) out.push({ at: at.toISOString(), afterMiB: Number(m[3]) });
  }
  return out;
}
