import type { Logger } from 'pino';
import type { Db } from '../../db/knex.js';
import { createRegistrationDailyFiguresRepo } from '../../db/registration-daily-figures-repo.js';
import { gregorianBucket } from '../../domain/jalali-date.js';

/** Days per statement: the first night rolls up the whole history (two years), a quarter at a time. */
const SPAN_DAYS = 92;

/**
 * The reports' nightly roll-up (run by the monitor's job, workers/monitor/daily-rollup.ts): every day before today
 * that the roll-up does not hold yet, since the first registration, is stored once none of its registrations is
 * open; the others are tried again the next night. Returns the days it stored.
 */
export async function rollUpRegistrationDays(deps: { db: Db; logger: Logger; now: () => Date }): Promise<string[]> {
  const repo = createRegistrationDailyFiguresRepo(deps.db);
  const pending = await repo.pendingDays(gregorianBucket(deps.now(), 'day'));
  const stored: string[] = [];
  for (let i = 0; i < pending.length; i += SPAN_DAYS)
    stored.push(...(await repo.rollUp(pending.slice(i, i + SPAN_DAYS))));
  deps.logger.info({ days: stored.length }, 'report figures rolled up');
  return stored;
}
