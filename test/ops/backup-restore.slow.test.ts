import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, truncateSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, migrateLatest } from '../../db/knex.js';
import { main as backupMain } from '../../ops/backup.js';
import { asPostgres } from '../../ops/backup/postgres-user.js';
import { backupSettings } from '../../ops/backup/settings.js';
import { freePort, startPrivatePostgres } from '../../ops/chaos/private-services.js';
import { main as restoreMain } from '../../ops/restore.js';

/**
 * Backup, more work, the cluster destroyed, restore: on throw-away clusters (initdb on free ports in a temporary
 * directory), never the machine's shared PostgreSQL. Our database is migrated for real; the engine's holds a table
 * of its own standing for the engine's, so that both databases are seen to come back as of one moment.
 */
const root = mkdtempSync(path.join(os.tmpdir(), 'payam-backup-restore-'));
// The clusters run as the postgres user, which must reach their directories inside.
chmodSync(root, 0o755);
let source: Awaited<ReturnType<typeof startPrivatePostgres>>;
let other: Awaited<ReturnType<typeof startPrivatePostgres>>;
const restored: string[] = [];
const bin = backupSettings({ ...process.env, BACKUP_DIR: root }).bin;

function env(databaseUrlOf: (db: string) => string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PAYAM_DEV_DEFAULTS: '',
    DATABASE_URL: databaseUrlOf('payam'),
    ENGINE_DATABASE_URL: databaseUrlOf('operaton'),
    BACKUP_DIR: path.join(root, 'backups'),
  };
}

async function cli(main: typeof restoreMain, args: string[], e: NodeJS.ProcessEnv, signal?: AbortSignal) {
  const out: string[] = [];
  const code = await (main as typeof backupMain)(
    args,
    { env: e, print: (l) => out.push(l), printError: (l) => out.push(l) },
    signal,
  );
  return { code, out: out.join('\n') };
}

async function query<T>(url: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A registration in our database and its counterpart in the engine's, written as one unit of work would. */
async function register(urlOf: (db: string) => string, n: number) {
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  await query(urlOf('payam'), `insert into registrations (id, access_token_hash, status) values ($1, $2, 'otp')`, [
    id,
    'x'.repeat(64),
  ]);
  await query(urlOf('operaton'), 'insert into instances (business_key) values ($1)', [id]);
  return id;
}

/** Both sides' registrations in a restored cluster, by their numbers. */
async function registrationsAt(port: number) {
  const url = (db: string) => `postgres://postgres@127.0.0.1:${port}/${db}`;
  const ours = await query<{ id: string }>(url('payam'), 'select id from registrations order by id');
  const engines = await query<{ business_key: string }>(
    url('operaton'),
    'select business_key from instances order by 1',
  );
  const n = (id: string) => Number(id.slice(-12));
  return { ours: ours.map((r) => n(r.id)), engine: engines.map((r) => n(r.business_key)) };
}

async function restore(args: string[], e = env(source.url)) {
  const dir = path.join(root, `restored-${restored.length}`);
  restored.push(dir);
  const port = await freePort();
  const r = await cli(restoreMain, [...args, '--data-dir', dir, '--port', String(port)], e);
  return { ...r, port, dir };
}

beforeAll(async () => {
  source = await startPrivatePostgres(path.join(root, 'source'));
  source.createDatabase('payam');
  source.createDatabase('operaton');
  const db = createDb(source.url('payam'), { min: 0, max: 1 });
  await migrateLatest(db);
  await db.destroy();
  await query(source.url('operaton'), 'create table instances (business_key text primary key)');
  other = await startPrivatePostgres(path.join(root, 'other'));
}, 120_000);

afterAll(() => {
  for (const dir of restored) {
    const [cmd, args] = asPostgres(path.join(bin, 'pg_ctl'), ['-D', path.join(dir, 'data'), '-m', 'immediate', 'stop']);
    spawnSync(cmd, args, { stdio: 'ignore' });
  }
  source?.stop();
  other?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('backup, destroy, restore (throw-away clusters)', () => {
  it('brings back both databases as of the backup, the end of the WAL archive, or a time between', async () => {
    // Given: the WAL archive running, one registration, a backup, then more registrations with a moment between.
    const archiving = new AbortController();
    const archive = cli(backupMain, ['--wal-archive'], env(source.url), archiving.signal);
    await register(source.url, 1);
    const backup = await cli(backupMain, [], env(source.url));
    expect(backup.out).toMatch(/verified: every file against the manifest/);
    expect(backup.code).toBe(0);
    const [name] = (await cli(backupMain, ['--list'], env(source.url))).out.split(/\s+/);
    const description = JSON.parse(readFileSync(path.join(root, 'backups', name!, 'backup.json'), 'utf8'));
    const systemIdentifier = (
      await query<{ id: string }>(
        source.url('postgres'),
        'select system_identifier::text as id from pg_control_system()',
      )
    )[0]!.id;
    expect(description).toMatchObject({
      name,
      systemIdentifier,
      verified: true,
      databases: { ours: 'payam', engine: 'operaton' },
    });
    expect(description.sizes['base.tar.gz']).toBeGreaterThan(0);
    await register(source.url, 2);
    // The recovery target is a commit's time: the moment falls between the second and third commits.
    await sleep(1_100);
    const between = new Date();
    await sleep(1_100);
    await register(source.url, 3);
    // What was committed reached the archive (pg_receivewal --synchronous reports it flushed).
    for (let i = 0; i < 50; i++) {
      const [lag] = await query<{ behind: boolean }>(
        source.url('postgres'),
        'select coalesce(bool_or(flush_lsn < pg_current_wal_lsn()), true) as behind from pg_stat_replication',
      );
      if (!lag!.behind) break;
      await sleep(200);
    }

    // When: the cluster is destroyed (its data directory gone), the archive stopped.
    source.stop();
    rmSync(path.join(root, 'source', 'data'), { recursive: true, force: true });
    archiving.abort();
    expect((await archive).code).toBe(0);

    // Then: the WAL archive replayed to its end loses nothing, in either database.
    const full = await restore(['latest']);
    expect(full.out).toContain('replaying the WAL archive to its end');
    expect(full.code).toBe(0);
    expect(await registrationsAt(full.port)).toEqual({ ours: [1, 2, 3], engine: [1, 2, 3] });
    const restoredId = (
      await query<{ id: string }>(
        `postgres://postgres@127.0.0.1:${full.port}/postgres`,
        'select system_identifier::text as id from pg_control_system()',
      )
    )[0]!.id;
    expect(restoredId).toBe(systemIdentifier);

    // A point in time: what was committed before it, in both.
    const pitr = await restore(['latest', '--to', between.toISOString()]);
    expect(pitr.code).toBe(0);
    expect(await registrationsAt(pitr.port)).toEqual({ ours: [1, 2], engine: [1, 2] });

    // The backup alone: as of its end.
    const plain = await restore([name!, '--no-wal']);
    expect(plain.code).toBe(0);
    expect(await registrationsAt(plain.port)).toEqual({ ours: [1], engine: [1] });

    // A time before the backup's end cannot be reached from it.
    const early = await restore(['latest', '--to', new Date(Date.parse(description.startedAt) - 60_000).toISOString()]);
    expect(early).toMatchObject({ code: 1, out: expect.stringContaining('choose an older backup') });
  });

  it('refuses to restore a backup for another cluster than its own, unless told to', async () => {
    const refused = await restore(['latest', '--no-wal'], env(other.url));
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/the backup is of the cluster \d+, DATABASE_URL's is \d+: .*--other-cluster/);
    const forced = await restore(['latest', '--no-wal', '--other-cluster'], env(other.url));
    expect(forced.code).toBe(0);
    expect((await registrationsAt(forced.port)).ours).toEqual([1]);
  });

  it('refuses a damaged backup', async () => {
    const [name] = (await cli(backupMain, ['--list'], env(source.url))).out.split(/\s+/);
    const damaged = path.join(root, 'backups', '29991231T000000Z');
    cpSync(path.join(root, 'backups', name!), damaged, { recursive: true });
    truncateSync(path.join(damaged, 'base.tar.gz'), 100_000);
    const r = await restore(['29991231T000000Z', '--no-wal']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/unpacking base\.tar\.gz failed|pg_verifybackup found the backup damaged/);
  });
});
