import { serviceEngine } from '../adapters/engine/connect.js';
import { deployModels } from '../adapters/engine/deploy-models.js';
import type { Config } from '../config/config.js';
import { createAuditRepo } from '../db/audit-repo.js';
import { createDb, migrateLatest } from '../db/knex.js';
import { ensureHistoryReader } from './engine/history-reader.js';
import { isReady, startEngine, stopEngine } from './engine/process.js';
import { ensureEspeak } from './espeak.js';
import { ensureModelerBundle } from './modeler-bundle.js';
import type { EngineSettings } from './engine/settings.js';
import { ensurePostgres, ensureRedis, recreateTestDatabase, ServiceUnavailableError } from './services.js';

type Log = (m: string) => void;

/**
 * The test engine starts from an empty database at each run, like payam_test, so no instance of an
 * earlier run meets this run's workers. KEEP_ENGINE reuses one that answers (a quicker edit-test loop).
 */
async function startFreshTestEngine(engine: EngineSettings, log: Log, keep: boolean) {
  if (keep && (await isReady(engine))) {
    log(`reusing the test engine on port ${engine.port} (KEEP_ENGINE)`);
    return { started: false };
  }
  await stopEngine(engine, log);
  await ensurePostgres(engine.databaseUrl, log, { createDatabase: false });
  if (await isReady(engine)) {
    throw new ServiceUnavailableError(
      `port ${engine.port} answers but not with an engine this project started; stop it or set ENGINE_PORT/ENGINE_URL`,
    );
  }
  await recreateTestDatabase(engine.databaseUrl, log);
  return startEngine(engine, log);
}

/**
 * What `npm start` and the test run both need before any service: PostgreSQL and Redis (started or
 * installed), espeak-ng (the captcha's audio), the project's database migrated, the engine's database,
 * the engine running, bpmn/ deployed, and the modeler page's editor bundled (again only when its inputs
 * changed). The test run asks for `recreateTestDatabase`: both databases start empty, and so does its
 * engine unless `keepEngine`. `engineStarted` says whether this call started the engine (and so
 * whether the caller should stop it).
 */
export async function prepareStack(
  config: Config,
  engine: EngineSettings,
  log: Log,
  {
    recreateTestDatabase: recreate = false,
    keepEngine = false,
  }: { recreateTestDatabase?: boolean; keepEngine?: boolean } = {},
): Promise<{ engineStarted: boolean }> {
  await ensurePostgres(config.DATABASE_URL, log, { createDatabase: !recreate });
  if (recreate) await recreateTestDatabase(config.DATABASE_URL, log);
  await ensureRedis(config.REDIS_URL, log);
  await ensureEspeak(log);
  const db = createDb(config.DATABASE_URL);
  let started: boolean;
  try {
    log(`migrations applied: ${(await migrateLatest(db)).join(', ') || 'none (up to date)'}`);
    if (recreate) {
      ({ started } = await startFreshTestEngine(engine, log, keepEngine));
    } else {
      await ensurePostgres(engine.databaseUrl, log);
      ({ started } = await startEngine(engine, log));
    }
    log(
      `engine history readable by ${await ensureHistoryReader(engine.databaseUrl, config.ENGINE_HISTORY_DATABASE_URL)} (select only)`,
    );
    const actor = { audit: createAuditRepo(db), actor: recreate ? 'ops:test' : 'ops:start' };
    log(`deployed: ${(await deployModels(serviceEngine(config), actor)).join(', ')}`);
  } finally {
    await db.destroy();
  }
  await ensureModelerBundle(log);
  return { engineStarted: started };
}
