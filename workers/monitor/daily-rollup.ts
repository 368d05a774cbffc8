import type { Logger } from 'pino';
import { createHistoryReader } from '../../adapters/engine-history/history-reader.js';
import {
  createFiguresFromHistory,
  daysHistoryHolds,
  MONITORED_PROCESSES,
} from '../../adapters/engine-history/figures-from-history.js';
import type { ProcessEngine } from '../../adapters/engine/process-engine.js';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/knex.js';
import { startScheduledJobs } from '../support/scheduled-jobs.js';
import { createMonitorFiguresRepo } from '../../db/monitor-figures-repo.js';
import { gregorianBucket } from '../../domain/jalali-date.js';
import { bucketLabels } from '../../domain/report-buckets.js';
import { historyTimeToLiveDays } from '../../domain/retention.js';
import { retentionPolicy } from '../retention/purge-expired-data.js';
import { rollUpRegistrationDays } from '../reports/registration-rollup.js';

const ROLLUP_QUEUE = 'monitor-rollup';
const SCHEDULER_ID = 'daily-monitor-rollup';

/** Every night at 00:20 in Tehran: the day just over, before the engine's history cleanup window (01:00–05:00). */
const ROLLUP_SCHEDULE = { pattern: '20 0 * * *', tz: 'Asia/Tehran' } as const;

export interface RollupDeps {
  db: Db;
  engine: ProcessEngine;
  config: Config;
  logger: Logger;
  now: () => Date;
}

/**
 * Rolls up every closed day the engine's history still holds and our database does not (yesterday on an
 * ordinary night; the whole history window the first time, or after nights the job could not run).
 * Returns the days it stored.
 */
export async function rollUpPendingDays(deps: RollupDeps): Promise<string[]> {
  const reader = createHistoryReader(deps.config);
  try {
    const repo = createMonitorFiguresRepo(deps.db);
    const now = deps.now();
    const historyDays = historyTimeToLiveDays(retentionPolicy(deps.config));
    const window = bucketLabels(new Date(now.getTime() - historyDays * 86_400_000), now, 'day', 'gregorian');
    const candidates = daysHistoryHolds(window, now, historyDays);
    const rolled = await repo.rolledDays(candidates);
    const pending = candidates.filter((d) => !rolled.has(d));
    await createFiguresFromHistory({ reader, engine: deps.engine, repo }).rollUp([...MONITORED_PROCESSES], pending);
    // Each month that is over and not merged yet (or not since a day of it was stored anew), merged.
    await repo.mergeMonths(await repo.unmergedMonths(gregorianBucket(now, 'month')));
    deps.logger.info({ days: pending.length }, 'monitor figures rolled up');
    return pending;
  } finally {
    await reader.close();
  }
}

/**
 * The nightly roll-up as a BullMQ job scheduler, like the retention purge (workers/retention/daily-purge.ts): the
 * reports' figures (our database alone) first, then the monitor's (the engine's history).
 */
export function startDailyRollup(deps: RollupDeps, queueName = ROLLUP_QUEUE) {
  return startScheduledJobs({
    redisUrl: deps.config.REDIS_URL,
    queueName,
    schedules: [
      {
        id: SCHEDULER_ID,
        repeat: { ...ROLLUP_SCHEDULE },
        template: {
          name: 'rollup',
          opts: {
            attempts: 5,
            backoff: { type: 'exponential', delay: 60_000 },
            removeOnComplete: { count: 30 },
            removeOnFail: { count: 30 },
          },
        },
      },
    ],
    run: async () => {
      // Each whatever the other does; the job fails (and is tried again) if either did.
      const reports = await rollUpRegistrationDays(deps).catch((e: Error) => e);
      const monitor = await rollUpPendingDays(deps).catch((e: Error) => e);
      for (const r of [reports, monitor]) if (r instanceof Error) throw r;
      return { reports: (reports as string[]).length, monitor: (monitor as string[]).length };
    },
    logger: deps.logger,
    notScheduled: 'daily monitor roll-up not scheduled',
    failed: (_job, e) => deps.logger.warn({ err: e.name }, 'nightly roll-up failed; it is tried again'),
  });
}
