import { accessSync, constants, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { run } from '../run.js';

export class BackupError extends Error {
  static readonly code = 'BACKUP_FAILED';
  readonly code = BackupError.code;
  override name = BackupError.name;
}

async function withClient<T>(databaseUrl: string, fn: (c: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Settings a restored cluster may not have lower than its source had, or recovery stops ("insufficient parameter
 * settings"): kept in backup.json, since a Debian cluster's postgresql.conf is not in its data directory.
 */
const RECOVERY_MINIMUMS = [
  'max_connections',
  'max_worker_processes',
  'max_wal_senders',
  'max_prepared_transactions',
  'max_locks_per_transaction',
];

/** What a backup records of the cluster, and what decides whether one can be taken. */
export async function clusterFacts(databaseUrl: string, databases: string[]) {
  return withClient(databaseUrl, async (c) => {
    const one = async (sql: string, params: unknown[] = []) =>
      (await c.query<Record<string, string>>(sql, params)).rows[0]!;
    const { system_identifier } = await one('select system_identifier::text from pg_control_system()');
    const settings = Object.fromEntries(
      (
        await c.query<{ name: string; setting: string }>(
          `select name, setting from pg_settings
            where name in ('server_version', 'wal_level', 'data_directory', 'config_file', 'hba_file', 'ident_file')
               or name = any($1)`,
          [RECOVERY_MINIMUMS],
        )
      ).rows.map((r) => [r.name, r.setting]),
    );
    const found = (await c.query<{ datname: string }>('select datname from pg_database')).rows.map((r) => r.datname);
    const missing = databases.filter((d) => !found.includes(d));
    if (missing.length) throw new BackupError(`the cluster has no database ${missing.join(', ')}`);
    return {
      systemIdentifier: system_identifier!,
      serverVersion: settings.server_version ?? '',
      walLevel: settings.wal_level ?? '',
      maxWalSenders: Number(settings.max_wal_senders ?? 0),
      recoveryMinimums: Object.fromEntries(RECOVERY_MINIMUMS.map((n) => [n, Number(settings[n] ?? 0)])),
      dataDirectory: settings.data_directory ?? '',
      configFiles: [settings.config_file, settings.hba_file, settings.ident_file].filter((f): f is string => !!f),
      databases: found.filter((d) => !d.startsWith('template')),
    };
  });
}

/** The system identifier of the cluster at the URL, or null when nothing answers there (a cluster gone, or starting). */
export async function systemIdentifierAt(databaseUrl: string): Promise<string | null> {
  // The server's own database: a database dropped is not a cluster gone.
  const server = new URL(databaseUrl);
  server.pathname = '/postgres';
  try {
    return await withClient(server.toString(), async (c) => {
      const r = await c.query<{ id: string }>('select system_identifier::text as id from pg_control_system()');
      return r.rows[0]!.id;
    });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ECONNREFUSED' || code === '57P03') return null;
    throw e;
  }
}

/** A replication connection's URL (what pg_basebackup and pg_receivewal open) to the same server and user. */
export function replicationUrl(databaseUrl: string) {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  url.search = '';
  return url.toString();
}

async function canReplicate(bin: string, databaseUrl: string) {
  const url = new URL(replicationUrl(databaseUrl));
  url.searchParams.set('replication', 'true');
  const r = await run(path.join(bin, 'psql'), ['-X', '-At', '-d', url.toString(), '-c', 'IDENTIFY_SYSTEM']);
  return r;
}

/**
 * pg_basebackup and pg_receivewal need a replication connection, which pg_hba.conf's `all` does not match. When
 * the server refuses one and its pg_hba.conf is a file here that we may write (a local cluster), a rule is added
 * for the URL's user on loopback with the method loopback connections already use, and the server reloaded: the
 * backup then grants itself no more than the user already has. Anything else is the operator's (said how).
 */
export async function ensureReplicationAccess(
  bin: string,
  databaseUrl: string,
  facts: Awaited<ReturnType<typeof clusterFacts>>,
  log: (m: string) => void,
) {
  if (facts.walLevel === 'minimal' || facts.maxWalSenders < 2)
    throw new BackupError(
      `the server has wal_level=${facts.walLevel}, max_wal_senders=${facts.maxWalSenders}: a base backup and the WAL archive need wal_level=replica (or logical) and max_wal_senders of 2 or more (ALTER SYSTEM SET …, then restart PostgreSQL)`,
    );
  const first = await canReplicate(bin, databaseUrl);
  if (first.code === 0) return;
  if (!/no pg_hba\.conf entry for replication/.test(first.output))
    throw new BackupError(`a replication connection is refused: ${first.output.trim()}`);
  const url = new URL(databaseUrl);
  const hba = facts.configFiles[1];
  const local = ['127.0.0.1', 'localhost', '::1'].includes(url.hostname);
  const writable = (() => {
    try {
      if (!hba) return false;
      accessSync(hba, constants.W_OK);
      return true;
    } catch {
      return false;
    }
  })();
  const user = decodeURIComponent(url.username) || 'postgres';
  const rule = (method: string) => `host replication ${user} 127.0.0.1/32 ${method}`;
  if (!local || !writable)
    throw new BackupError(
      `PostgreSQL refuses replication connections from ${user}: add "${rule('<method>')}" (or your network's) to ${hba ?? 'pg_hba.conf'} and reload`,
    );
  const method = await withClient(databaseUrl, async (c) => {
    const r = await c.query<{ auth_method: string }>(
      `select auth_method from pg_hba_file_rules
        where type = 'host' and 'all' = any(database) and address = '127.0.0.1' and error is null
        order by line_number limit 1`,
    );
    return r.rows[0]?.auth_method ?? 'scram-sha-256';
  });
  const text = readFileSync(hba!, 'utf8');
  writeFileSync(
    hba!,
    `# Added by npm run backup: base backups and the WAL archive over loopback.\n${rule(method)}\n${text}`,
  );
  await withClient(databaseUrl, (c) => c.query('select pg_reload_conf()'));
  log(`allowed replication connections for ${user} on loopback (${hba}), method ${method}`);
  for (let i = 0; i < 20; i++) {
    if ((await canReplicate(bin, databaseUrl)).code === 0) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new BackupError('replication connections are still refused after adding the pg_hba.conf rule');
}
