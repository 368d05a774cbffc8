import type { PgsbError } from './pgsb-error.js';
import type { Shahkar } from './shahkar.js';

export type InMemoryShahkar = Shahkar & {
  add(nationalCode: string, mobile: string): void;
  /** The next `times` checks throw `error`, as the bus would. */
  failNext(error: PgsbError, times?: number): void;
  readonly calls: { messageId: string }[];
};

/** For unit tests of callers: same contract as the PGSB-backed Shahkar, no network. */
export function createInMemoryShahkar(lines: { nationalCode: string; mobile: string }[] = []): InMemoryShahkar {
  const owned = new Set(lines.map((l) => `${l.nationalCode}:${l.mobile}`));
  const failures: PgsbError[] = [];
  const calls: { messageId: string }[] = [];
  return {
    calls,
    add: (nationalCode, mobile) => void owned.add(`${nationalCode}:${mobile}`),
    failNext: (error, times = 1) => failures.push(...Array<PgsbError>(times).fill(error)),
    async match({ nationalCode, mobile }, { messageId }) {
      calls.push({ messageId });
      const failure = failures.shift();
      if (failure) throw failure;
      return { match: owned.has(`${nationalCode}:${mobile}`) };
    },
  };
}
