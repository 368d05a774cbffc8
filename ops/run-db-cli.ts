import { loadConfig, type Config } from '../config/config.js';
import { createDb, type Db } from '../db/knex.js';

/**
 * The shell of an operator command that works on the database: `main` gets the configuration and a
 * pool, and returns an exit code (2 for a usage error) or nothing for success. An error is printed as
 * `CODE: message` with exit code 1; the pool is closed in every case so the process can end.
 */
export async function runDbCli(
  main: (ctx: { config: Config; db: Db }) => Promise<number | void>,
  pool?: { min: number; max: number },
): Promise<void> {
  const config = loadConfig();
  const db = createDb(config.DATABASE_URL, pool);
  try {
    const code = await main({ config, db });
    if (code) process.exitCode = code;
  } catch (e) {
    console.error(`${(e as { code?: string }).code ?? 'ERROR'}: ${(e as Error).message}`);
    process.exitCode = 1;
  } finally {
    await db.destroy();
  }
}
