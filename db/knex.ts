import knexFactory, { type Knex } from 'knex';
import { migrations } from '../migrations/index.js';

export type Db = Knex;
export type Tx = Knex.Transaction;

const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations).sort(),
  getMigrationName: (name) => name,
  getMigration: async (name) => migrations[name]!,
};

export function createDb(databaseUrl: string, pool = { min: 0, max: 10 }): Db {
  return knexFactory({
    client: 'pg',
    connection: databaseUrl,
    pool,
    // Knex otherwise writes the query with its bound values into the error message: personal data in logs.
    compileSqlOnError: false,
    migrations: { migrationSource, tableName: 'knex_migrations' },
  });
}

export async function migrateLatest(db: Db): Promise<string[]> {
  const [, applied] = (await db.migrate.latest()) as [number, string[]];
  return applied;
}
