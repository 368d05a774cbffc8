import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  announceProgress,
  listenForProgress,
  type ProgressFeed,
} from '../../../adapters/progress/registration-progress.js';
import { loadConfig } from '../../../config/config.js';
import { createLogger } from '../../../config/logger.js';
import { createDb, type Db } from '../../../db/knex.js';

const config = loadConfig();
let db: Db;
let feed: ProgressFeed;

beforeAll(async () => {
  db = createDb(config.DATABASE_URL);
  feed = await listenForProgress(config.DATABASE_URL, createLogger({ level: 'silent' }));
});
afterAll(async () => {
  await feed?.close();
  await db?.destroy();
});

describe('registration progress over PostgreSQL LISTEN/NOTIFY', () => {
  it('given a wait for a registration, when a worker announces it, then the wait ends long before its poll interval', async () => {
    const id = randomUUID();
    const watch = feed.watch(id);
    const t0 = performance.now();
    const waited = watch.next(10_000);

    await announceProgress(db, id);
    await waited;

    expect(performance.now() - t0).toBeLessThan(5_000);
    watch.close();
  });

  it('given an announcement between two looks, when the caller waits again, then it does not wait at all', async () => {
    const id = randomUUID();
    const watch = feed.watch(id);
    await announceProgress(db, id);
    // The notification arrives on its own connection; give it the moment it takes.
    await new Promise((r) => setTimeout(r, 300));

    const t0 = performance.now();
    await watch.next(10_000);

    expect(performance.now() - t0).toBeLessThan(50);
    watch.close();
  });

  it('given another registration announced, when waiting, then this wait runs to its interval', async () => {
    const watch = feed.watch(randomUUID());
    const t0 = performance.now();
    const waited = watch.next(400);

    await announceProgress(db, randomUUID());
    await waited;

    expect(performance.now() - t0).toBeGreaterThanOrEqual(390);
    watch.close();
  });
});
