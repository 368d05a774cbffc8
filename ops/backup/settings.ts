import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../config/paths.js';

export class BackupSettingsError extends Error {
  static readonly code = 'BACKUP_SETTINGS';
  readonly code = BackupSettingsError.code;
  override name = BackupSettingsError.name;
}

const POSTGRES_URL = /^postgres(ql)?:$/;

function databaseUrl(env: NodeJS.ProcessEnv, name: string, devDefault: string, dev: boolean) {
  const raw = env[name] || (dev ? devDefault : undefined);
  if (!raw) throw new BackupSettingsError(`${name}: not set (the database to back up)`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new BackupSettingsError(`${name}: not a URL`);
  }
  if (!POSTGRES_URL.test(url.protocol)) throw new BackupSettingsError(`${name}: not a postgres:// URL`);
  if (url.pathname.length < 2) throw new BackupSettingsError(`${name}: names no database`);
  return url;
}

/** The newest PostgreSQL's client programs installed (Debian's layout), or PG_BIN. */
function postgresBin(env: NodeJS.ProcessEnv) {
  if (env.PG_BIN) {
    if (!existsSync(path.join(env.PG_BIN, 'pg_basebackup')))
      throw new BackupSettingsError(`PG_BIN: no pg_basebackup in ${env.PG_BIN}`);
    return env.PG_BIN;
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(path.join(root, v, 'bin', 'pg_basebackup')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length)
    throw new BackupSettingsError(`no pg_basebackup under ${root}/*/bin; install postgresql or set PG_BIN`);
  return path.join(root, versions[0]!, 'bin');
}

/**
 * What `npm run backup` and `npm run restore` read. Both databases must live in one PostgreSQL cluster: one base
 * backup of that cluster is then consistent across them by construction (the engine's state and ours as of one
 * moment), which two dumps taken one after the other are not.
 */
export function backupSettings(env: NodeJS.ProcessEnv = process.env) {
  const dev = env.PAYAM_DEV_DEFAULTS === '1';
  const ours = databaseUrl(env, 'DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/payam', dev);
  const engine = databaseUrl(env, 'ENGINE_DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/operaton', dev);
  const portOf = (u: URL) => u.port || '5432';
  if (ours.hostname !== engine.hostname || portOf(ours) !== portOf(engine))
    throw new BackupSettingsError(
      `DATABASE_URL and ENGINE_DATABASE_URL are in different clusters (${ours.host}, ${engine.host}): a backup of both consistent with each other needs them in one`,
    );
  const rawDir = env.BACKUP_DIR || (dev ? '.cache/backups' : undefined);
  if (!rawDir) throw new BackupSettingsError('BACKUP_DIR: not set (where backups and the WAL archive go)');
  const dir = path.resolve(projectRoot, rawDir);
  const slot = env.BACKUP_SLOT || 'payam_wal_archive';
  if (!/^[a-z0-9_]{1,63}$/.test(slot))
    throw new BackupSettingsError(`BACKUP_SLOT: ${slot} is not a replication slot name (a-z, 0-9, _)`);
  return {
    databaseUrl: ours.toString(),
    engineDatabaseUrl: engine.toString(),
    databases: [decodeURIComponent(ours.pathname.slice(1)), decodeURIComponent(engine.pathname.slice(1))],
    dir,
    /** pg_receivewal's segments, beside the base backups. */
    walDir: path.join(dir, 'wal'),
    slot,
    bin: postgresBin(env),
  };
}

export type BackupSettings = ReturnType<typeof backupSettings>;
