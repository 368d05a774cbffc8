/** Waits for "topic T finished for registration R", announced by the workers' completion hook in this process. */
export function progressEvents(timeoutMs = 60_000) {
  const waiting = new Map<string, { resolve: () => void; timer: NodeJS.Timeout }>();
  const keyOf = (topic: string, businessKey: string) => `${topic}|${businessKey}`;
  return {
    /** Registered before the action that leads to it, so an early completion is not missed. */
    expect(topic: string, businessKey: string): Promise<void> {
      const expected = new Promise<void>((resolve, reject) => {
        const key = keyOf(topic, businessKey);
        const timer = setTimeout(() => {
          waiting.delete(key);
          reject(new Error(`${topic} did not finish within ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.set(key, { resolve, timer });
      });
      // Awaited only after the earlier steps; if one of those fails first, this one's timeout is nobody's error.
      expected.catch(() => undefined);
      return expected;
    },
    done(topic: string, businessKey: string | null) {
      if (!businessKey) return;
      const w = waiting.get(keyOf(topic, businessKey));
      if (!w) return;
      clearTimeout(w.timer);
      waiting.delete(keyOf(topic, businessKey));
      w.resolve();
    },
  };
}
