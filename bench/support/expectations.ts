/**
 * Things that happen in this process (a worker's completion, an SMS the simulator delivers), waited
 * for without polling. `expect` is called before the action that causes it, so an early one is not missed.
 */
export function expectations<T>(timeoutMs = 60_000) {
  const waiting = new Set<{ match: (v: T) => boolean; resolve: (v: T) => void }>();
  return {
    deliver(value: T) {
      for (const w of waiting) {
        if (w.match(value)) {
          waiting.delete(w);
          w.resolve(value);
        }
      }
    },
    expect(match: (v: T) => boolean, what: string): Promise<T> {
      const expected = new Promise<T>((resolve, reject) => {
        const w = {
          match,
          resolve: (v: T) => {
            clearTimeout(timer);
            resolve(v);
          },
        };
        const timer = setTimeout(() => {
          waiting.delete(w);
          reject(new Error(`${what}: not within ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.add(w);
      });
      // Awaited only after the earlier steps; if one of those fails first, this one's timeout is nobody's error.
      expected.catch(() => undefined);
      return expected;
    },
  };
}

/** Workers' completions: "topic T finished for registration R". */
export type Completion = { topic: string; businessKey: string | null };
export const completed = (topic: string, businessKey: string) => (c: Completion) =>
  c.topic === topic && c.businessKey === businessKey;
