import pgListen from 'pg-listen';
import type { Logger } from 'pino';
import type { Db } from '../../db/knex.js';

/** PostgreSQL channel on which a registration's process says it moved on; the payload is the registration id only. */
const PROGRESS_CHANNEL = 'registration_progress';

/**
 * Announces that the engine has taken a registration one step further (a worker's completion was
 * accepted), to every API instance listening: a request waiting for the next step looks again at
 * once instead of at its next poll.
 */
export async function announceProgress(db: Db, registrationId: string) {
  await db.raw('select pg_notify(?, ?)', [PROGRESS_CHANNEL, registrationId]);
}

/** One wait for news of one registration: `next` resolves at the next announcement (or one missed since the last call), or after `ms`. */
interface ProgressWatch {
  next(ms: number): Promise<void>;
  close(): void;
}

export interface ProgressFeed {
  watch(registrationId: string): ProgressWatch;
  close(): Promise<void>;
}

/**
 * Listens on the channel with one connection of its own (pg-listen reconnects after a database
 * restart). Announcements only make a wait shorter: a caller still looks on its own every so often,
 * so one lost while the connection was down costs a poll interval, never a request.
 */
export async function listenForProgress(databaseUrl: string, logger: Logger): Promise<ProgressFeed> {
  // pg-listen is CommonJS with an ES-module default: Node's import hands over the exports object.
  const subscriber = pgListen.default(
    { connectionString: databaseUrl },
    {
      parse: (payload) => payload,
      retryLimit: Number.POSITIVE_INFINITY,
      retryTimeout: Number.POSITIVE_INFINITY,
      retryInterval: (attempt) => Math.min(250 * 2 ** attempt, 5_000),
    },
  );
  const watchers = new Map<string, Set<() => void>>();
  subscriber.notifications.on(PROGRESS_CHANNEL, (registrationId: string) => {
    for (const wake of watchers.get(registrationId) ?? []) wake();
  });
  subscriber.events.on('error', (err) =>
    logger.warn({ err: err.name }, 'progress announcements: connection lost; waits fall back to polling'),
  );
  subscriber.events.on('reconnect', (attempt) => logger.info({ attempt }, 'progress announcements: reconnecting'));
  await subscriber.connect();
  await subscriber.listenTo(PROGRESS_CHANNEL);

  return {
    watch(registrationId) {
      let missed = false;
      let wakeNow: (() => void) | undefined;
      const wake = () => {
        if (wakeNow) wakeNow();
        else missed = true;
      };
      const set = watchers.get(registrationId) ?? new Set();
      watchers.set(registrationId, set.add(wake));
      return {
        next(ms) {
          if (missed) {
            missed = false;
            return Promise.resolve();
          }
          return new Promise<void>((resolve) => {
            const timer = setTimeout(done, ms);
            function done() {
              clearTimeout(timer);
              wakeNow = undefined;
              resolve();
            }
            wakeNow = done;
          });
        },
        close() {
          set.delete(wake);
          if (!set.size) watchers.delete(registrationId);
        },
      };
    },
    close: () => subscriber.close(),
  };
}
