import pg from 'pg';
import { fileURLToPath } from 'node:url';

/**
 * The engine history tables the office's monitor reads: activity instances (where each instance was, when,
 * how long), process instances (business keys, for tracking codes) and variable updates (the outcome codes
 * that tell 9-3's two ways back to step 3 apart). Not the runtime tables, not users or their passwords, not
 * byte arrays.
 */
export const HISTORY_READER_TABLES = ['act_hi_actinst', 'act_hi_procinst', 'act_hi_detail'] as const;

/** The reader's URL for an engine database: the development default's role and password on that database. */
export function historyReaderUrlFor(engineDatabaseUrl: string) {
  const url = new URL(engineDatabaseUrl);
  url.username = 'payam_history_reader';
  url.password = 'payam-history-dev';
  return url.toString();
}

/**
 * Creates or converges the read-only role of ENGINE_HISTORY_DATABASE_URL (its user and password) on the engine's
 * database, connected as the engine's owner (ENGINE_DATABASE_URL), after the engine has created its tables: login,
 * no other right than CONNECT, USAGE on the schema and SELECT on HISTORY_READER_TABLES; every session read-only by
 * default. Run at each start, so a changed password applies and an engine upgrade's recreated tables are granted
 * again. Returns the role's name.
 */
export async function ensureHistoryReader(ownerUrl: string, readerUrl: string): Promise<string> {
  const reader = new URL(readerUrl);
  const role = decodeURIComponent(reader.username);
  const password = decodeURIComponent(reader.password);
  if (!role || !password) throw new Error('ENGINE_HISTORY_DATABASE_URL must name a user and a password');
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const id = client.escapeIdentifier(role);
    const database = client.escapeIdentifier(new URL(ownerUrl).pathname.slice(1));
    // A role is the cluster's; two test runs may create it at once, and the loser finds it there.
    await client
      .query(`CREATE ROLE ${id} LOGIN`)
      .catch((e: { code?: string }) => (e.code === '42710' || e.code === '23505' ? undefined : Promise.reject(e)));
    await client.query(
      `ALTER ROLE ${id} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD ${client.escapeLiteral(password)}`,
    );
    await client.query(`ALTER ROLE ${id} SET default_transaction_read_only = on`);
    await client.query(`GRANT CONNECT ON DATABASE ${database} TO ${id}`);
    // PostgreSQL before 15 lets everyone create in `public`; the engine's owner keeps it, the reader must not have it.
    await client.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
    await client.query(`GRANT USAGE ON SCHEMA public TO ${id}`);
    await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${id}`);
    await client.query(`GRANT SELECT ON ${HISTORY_READER_TABLES.join(', ')} TO ${id}`);
    return role;
  } finally {
    await client.end();
  }
}

/** The engine database's owner: ENGINE_DATABASE_URL, or DATABASE_URL's account on the reader's database (one owner, as in Docker). */
function ownerUrl(env: NodeJS.ProcessEnv, readerUrl: string) {
  if (env.ENGINE_DATABASE_URL) return env.ENGINE_DATABASE_URL;
  if (!env.DATABASE_URL) return undefined;
  const url = new URL(env.DATABASE_URL);
  url.pathname = new URL(readerUrl).pathname;
  return url.toString();
}

// `node ops/engine/history-reader.ts` in docker-compose's setup, after the engine is healthy.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readerUrl = process.env.ENGINE_HISTORY_DATABASE_URL;
  const owner = readerUrl && ownerUrl(process.env, readerUrl);
  if (!owner || !readerUrl)
    throw new Error('set ENGINE_HISTORY_DATABASE_URL, and ENGINE_DATABASE_URL (the owner) or DATABASE_URL');
  console.log(
    `[history reader] ${await ensureHistoryReader(owner, readerUrl)} may read ${HISTORY_READER_TABLES.join(', ')}`,
  );
}
