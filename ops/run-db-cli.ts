import { loadConfig, type Config } from '../config/config.js';
import { createDb, type Db } from '../db/knex.js';

/**
 * The shell of an operator command that works on the database: `main` gets the configuration and a
 * pool, and returns an exit code (2 for a usage error) or nothing for success. An error is printed as
 * `CODE: message` with exit code 1; the pool is closed in every case so the process can end. Returns
 * the exit code, for the command's entry point to set (and for tests that call the command in process).
 */
export async function runDbCli(
  main: (ctx: { config: Config; db: Db }) => Promise<number | void>,
  pool?: { min: number; max: number },
  printError: (line: string) => void = console.error,
): Promise<number> {
  const config = loadConfig();
  const db = createDb(config.DATABASE_URL, pool);
  try {
    return (await main({ config, db })) || 0;
  } catch (e) {
    printError(`${(e as { code?: string }).code ?? 'ERROR'}: ${(e as Error).message}`);
    return 1;
  } finally {
    await db.destroy();
  }
}
