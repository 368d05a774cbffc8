/** Every slot stayed taken for as long as the caller would wait: the request is answered 503 with Retry-After. */
export class SpeechBusyError extends Error {
  static readonly code = 'SPEECH_BUSY';
  readonly code = SpeechBusyError.code;
  override name = SpeechBusyError.name;
}

/**
 * A cap on the speech processes running at once (each takes a CPU for about a second): a caller waits up to
 * `waitMs` for a free slot, in order of arrival, and is refused after that rather than queueing without end.
 */
export function createSpeechSlots(max: number, waitMs: number) {
  let running = 0;
  const waiting: { grant: () => void; timer: NodeJS.Timeout }[] = [];
  const release = () => {
    const next = waiting.shift();
    if (!next) {
      running--;
      return;
    }
    clearTimeout(next.timer);
    next.grant();
  };
  return {
    /** Runs `work` in a slot, waiting for one first; SpeechBusyError if none is free in time. */
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (running < max) running++;
      else {
        await new Promise<void>((grant, refuse) => {
          const entry = {
            grant,
            timer: setTimeout(() => {
              waiting.splice(waiting.indexOf(entry), 1);
              refuse(new SpeechBusyError(`all ${max} speech slots stayed busy for ${waitMs} ms`));
            }, waitMs),
          };
          waiting.push(entry);
        });
      }
      try {
        return await work();
      } finally {
        release();
      }
    },
    get running() {
      return running;
    },
  };
}
