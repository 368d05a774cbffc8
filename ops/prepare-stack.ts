import { createZeebeClient } from '../adapters/camunda/camunda-client.js';
import { deployModels } from '../adapters/camunda/deploy-models.js';
import type { Config } from '../config/config.js';
import { createDb, migrateLatest } from '../db/knex.js';
import { startCamunda } from './camunda/process.js';
import type { CamundaSettings } from './camunda/settings.js';
import { ensurePostgres, ensureRedis, recreateTestDatabase } from './services.js';

/**
 * What `npm start` and the test run both need before any service: PostgreSQL and Redis (started or
 * installed), the database migrated, the broker running and bpmn/ deployed. The test run asks for
 * `recreateTestDatabase`, so it starts from an empty database. `camundaStarted` says whether this
 * call started the broker (and so whether the caller should stop it).
 */
export async function prepareStack(
  config: Config,
  camunda: CamundaSettings,
  log: (m: string) => void,
  { recreateTestDatabase: recreate = false }: { recreateTestDatabase?: boolean } = {},
): Promise<{ camundaStarted: boolean }> {
  await ensurePostgres(config.DATABASE_URL, log, { createDatabase: !recreate });
  if (recreate) await recreateTestDatabase(config.DATABASE_URL, log);
  await ensureRedis(config.REDIS_URL, log);
  const db = createDb(config.DATABASE_URL);
  try {
    log(`migrations applied: ${(await migrateLatest(db)).join(', ') || 'none (up to date)'}`);
  } finally {
    await db.destroy();
  }
  const { started } = await startCamunda(camunda, log);
  const zeebe = createZeebeClient(config);
  try {
    log(`deployed: ${(await deployModels(zeebe)).join(', ')}`);
  } finally {
    await zeebe.close();
  }
  return { camundaStarted: started };
}
