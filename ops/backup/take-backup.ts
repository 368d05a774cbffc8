import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../config/paths.js';
import { run } from '../run.js';
import { BackupError, clusterFacts, ensureReplicationAccess, replicationUrl } from './cluster.js';
import type { BackupSettings } from './settings.js';
import { verifyBackup } from './verify-backup.js';

/** backup.json: what a restore needs to know, and an operator to choose one. */
export interface BackupDescription {
  format: 1;
  name: string;
  startedAt: string;
  /** The backup is consistent as of its end: what a point-in-time restore can go forward from. */
  finishedAt: string;
  commit: string | null;
  systemIdentifier: string;
  serverVersion: string;
  /** The source's settings the restored cluster needs at least (RECOVERY_MINIMUMS). */
  settings: Record<string, number>;
  /** Ours and the engine's (the two this project needs); `inCluster` every database the backup holds. */
  databases: { ours: string; engine: string; inCluster: string[] };
  wal: { timeline: number; startLsn: string; endLsn: string };
  /** Bytes of each file, as written (compressed). */
  sizes: Record<string, number>;
  verified: boolean;
}

const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

function commitOf() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: projectRoot, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

/**
 * One base backup of the cluster both databases live in (pg_basebackup: tar, gzip, the WAL it needs streamed in,
 * a manifest with SHA-256 checksums), checked with pg_verifybackup before it is called a backup: it is written
 * under `<name>.partial` and renamed only once verified, so `latest` never names a broken one.
 */
export async function takeBackup(settings: BackupSettings, log: (m: string) => void, now = () => new Date()) {
  const facts = await clusterFacts(settings.databaseUrl, settings.databases);
  await ensureReplicationAccess(settings.bin, settings.databaseUrl, facts, log);
  const started = now();
  const name = stamp(started);
  const final = path.join(settings.dir, name);
  const partial = `${final}.partial`;
  if (existsSync(final)) throw new BackupError(`${final} exists already`);
  mkdirSync(settings.dir, { recursive: true });
  rmSync(partial, { recursive: true, force: true });
  log(`base backup of the cluster ${facts.systemIdentifier} (PostgreSQL ${facts.serverVersion}) into ${partial}`);
  const r = await run(path.join(settings.bin, 'pg_basebackup'), [
    '-d',
    replicationUrl(settings.databaseUrl),
    '-D',
    partial,
    '-F',
    'tar',
    '-z',
    '-X',
    'stream',
    '-c',
    'fast',
    '-l',
    `payam ${name}`,
    '--manifest-checksums=SHA256',
  ]);
  if (r.code !== 0) {
    rmSync(partial, { recursive: true, force: true });
    throw new BackupError(`pg_basebackup failed: ${r.output.trim().slice(-1500)}`);
  }
  const extra = readdirSync(partial).filter((f) => !['base.tar.gz', 'pg_wal.tar.gz', 'backup_manifest'].includes(f));
  if (extra.length)
    throw new BackupError(
      `the cluster has tablespaces outside its data directory (${extra.join(', ')}); this restore does not map them`,
    );
  await verifyBackup(settings.bin, partial, log);
  // A Debian cluster keeps its configuration outside the data directory: kept beside it for the operator.
  for (const file of facts.configFiles) {
    if (file.startsWith(`${facts.dataDirectory}/`)) continue;
    try {
      mkdirSync(path.join(partial, 'config'), { recursive: true });
      copyFileSync(file, path.join(partial, 'config', path.basename(file)));
    } catch {
      log(`not kept: ${file} (not readable here)`);
    }
  }
  const manifest = JSON.parse(readFileSync(path.join(partial, 'backup_manifest'), 'utf8')) as {
    'WAL-Ranges': { Timeline: number; 'Start-LSN': string; 'End-LSN': string }[];
  };
  const range = manifest['WAL-Ranges'].at(-1)!;
  const sizes = Object.fromEntries(
    ['base.tar.gz', 'pg_wal.tar.gz', 'backup_manifest'].map((f) => [f, statSync(path.join(partial, f)).size]),
  );
  const description: BackupDescription = {
    format: 1,
    name,
    startedAt: started.toISOString(),
    finishedAt: now().toISOString(),
    commit: commitOf(),
    systemIdentifier: facts.systemIdentifier,
    serverVersion: facts.serverVersion,
    settings: facts.recoveryMinimums,
    databases: { ours: settings.databases[0]!, engine: settings.databases[1]!, inCluster: facts.databases },
    wal: { timeline: range.Timeline, startLsn: range['Start-LSN'], endLsn: range['End-LSN'] },
    sizes,
    verified: true,
  };
  writeFileSync(path.join(partial, 'backup.json'), `${JSON.stringify(description, null, 2)}\n`);
  renameSync(partial, final);
  return { dir: final, description };
}

/** The backups in the directory, oldest first (their names are their UTC start times). */
export function listBackups(dir: string): { dir: string; description: BackupDescription }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => /^\d{8}T\d{6}Z$/.test(n) && existsSync(path.join(dir, n, 'backup.json')))
    .sort()
    .map((n) => ({
      dir: path.join(dir, n),
      description: JSON.parse(readFileSync(path.join(dir, n, 'backup.json'), 'utf8')) as BackupDescription,
    }));
}
