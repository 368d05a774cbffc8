import knexFactory, { type Knex } from 'knex';
import { migrations } from '../migrations/index.js';

export type Db = Knex;
export type Tx = Knex.Transaction;

const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations).sort(),
  getMigrationName: (name) => name,
  getMigration: async (name) => migrations[name]!,
};

/** Where knex reports what it sees of the pool (a connection lost while PostgreSQL restarts): the process's own log. */
export interface DbLog {
  warn(msg: string): void;
  error(msg: string): void;
  debug(msg: string): void;
}

/**
 * `applicationName` names the pool's connections in pg_stat_activity, so an operator (and the soak) can tell
 * the API's backends from the workers' when counting or cancelling them.
 */
export function createDb(databaseUrl: string, pool = { min: 0, max: 10 }, log?: DbLog, applicationName?: string): Db {
  return knexFactory({
    client: 'pg',
    connection: applicationName ? { connectionString: databaseUrl, application_name: applicationName } : databaseUrl,
    pool,
    // Knex's own default writes these to the console, unstructured, between the JSON lines of the log.
    ...(log
      ? {
          log: {
            warn: (m: string) => log.warn(m),
            error: (m: string) => log.error(m),
            debug: (m: string) => log.debug(m),
            deprecate: (method: string, alternative: string) => log.warn(`${method} is deprecated: ${alternative}`),
          },
        }
      : {}),
    // Knex otherwise writes the query with its bound values into the error message: personal data in logs.
    compileSqlOnError: false,
    migrations: { migrationSource, tableName: 'knex_migrations' },
  });
}

export async function migrateLatest(db: Db): Promise<string[]> {
  const [, applied] = (await db.migrate.latest()) as [number, string[]];
  return applied;
}
