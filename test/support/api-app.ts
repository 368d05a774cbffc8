import { randomUUID } from 'node:crypto';
import type { Config } from '../../config/config.js';
import { buildApp } from '../../api/app.js';
import type { EngineStack } from './engine-stack.js';

/**
 * The API as the server runs it, on the engine stack's database, engine client and settings, with
 * its own Redis connection. Rate-limit counters get a fresh namespace, so earlier runs do not count.
 */
export async function buildApiOnStack(stack: EngineStack, overrides: Partial<Config> = {}) {
  const app = buildApp({
    config: { ...stack.config, ...overrides },
    db: stack.db,
    engine: stack.engine,
    progress: stack.progress,
    logger: stack.logger,
    rateLimitNameSpace: `test:${randomUUID()}:`,
    now: stack.clock.now,
  });
  await app.ready();
  // The first limited request must not pay for the connection too: on a busy machine that alone can
  // pass the Redis command timeout (1 s) and answer 503. A Redis a test made unreachable is not waited for.
  if (app.redis.status !== 'ready') {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise((r) => app.redis.once('ready', r)),
      new Promise((r) => {
        timer = setTimeout(r, 5_000);
      }),
    ]).finally(() => clearTimeout(timer));
  }
  return app;
}

export type ApiApp = Awaited<ReturnType<typeof buildApiOnStack>>;

/** A client address of its own per test, so that one test's requests never count against another's limits. */
export const newClientAddress = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250) + 1).join('.')}`;
