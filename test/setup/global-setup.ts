import { createZeebeClient } from '../../adapters/camunda/camunda-client.js';
import { deployModels } from '../../adapters/camunda/deploy-models.js';
import { loadConfig } from '../../config/config.js';
import { createDb, migrateLatest } from '../../db/knex.js';
import { startCamunda, stopCamunda } from '../../ops/camunda/process.js';
import { camundaSettings } from '../../ops/camunda/settings.js';
import { ensurePostgres, ensureRedis, recreateTestDatabase } from '../../ops/services.js';

const log = (m: string) => console.log(`[test setup] ${m}`);

/** Starts or reuses what the tests need: PostgreSQL, Redis, the broker; migrates and deploys bpmn/. */
export default async function setup() {
  const config = loadConfig();
  await ensurePostgres(config.DATABASE_URL, log);
  await recreateTestDatabase(config.DATABASE_URL, log);
  await ensureRedis(config.REDIS_URL, log);
  const db = createDb(config.DATABASE_URL);
  try {
    await migrateLatest(db);
  } finally {
    await db.destroy();
  }
  const camunda = camundaSettings();
  const { started } = await startCamunda(camunda, log);
  const zeebe = createZeebeClient(config);
  try {
    log(`deployed ${(await deployModels(zeebe)).join(', ')}`);
  } finally {
    await zeebe.close();
  }
  return async () => {
    // Leave a broker the developer started; stop the one the test run started, as CI expects.
    if (started && !process.env.KEEP_CAMUNDA) await stopCamunda(camunda, log);
  };
}
