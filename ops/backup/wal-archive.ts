import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { run } from '../run.js';
import { BackupError, clusterFacts, ensureReplicationAccess, replicationUrl } from './cluster.js';
import { asPostgres, postgresIds } from './postgres-user.js';
import type { BackupSettings } from './settings.js';

/** A WAL segment's file name: timeline and segment number, 24 hex digits. */
const SEGMENT = /^[0-9A-F]{24}$/;

/** The archive is one cluster's: a restore replays it onto that cluster's backups only. */
function claimArchive(walDir: string, systemIdentifier: string) {
  mkdirSync(walDir, { recursive: true });
  const marker = path.join(walDir, 'SYSTEM_IDENTIFIER');
  if (!existsSync(marker)) writeFileSync(marker, `${systemIdentifier}\n`);
  const owner = readFileSync(marker, 'utf8').trim();
  if (owner !== systemIdentifier)
    throw new BackupError(
      `${walDir} archives the cluster ${owner}, not this one (${systemIdentifier}); give this cluster a BACKUP_DIR of its own`,
    );
}

export function archiveOwner(walDir: string) {
  const marker = path.join(walDir, 'SYSTEM_IDENTIFIER');
  return existsSync(marker) ? readFileSync(marker, 'utf8').trim() : null;
}

/** What the archive holds: complete segments and the one being written (`.partial`), by name. */
export function archivedSegments(walDir: string) {
  const files = existsSync(walDir) ? readdirSync(walDir) : [];
  return {
    complete: files.filter((f) => SEGMENT.test(f)).sort(),
    partial: files.filter((f) => f.endsWith('.partial') && SEGMENT.test(f.slice(0, 24))).sort(),
  };
}

/**
 * `npm run backup -- --wal-archive`: pg_receivewal streams the cluster's WAL into BACKUP_DIR/wal as it is written
 * (--synchronous: flushed at once, so what was committed is in the archive), through a replication slot, so the
 * server keeps what the archive has not received while the archiver is down. Runs until stopped (a service).
 */
export async function runWalArchive(
  settings: BackupSettings,
  log: (m: string) => void,
  signal?: AbortSignal,
): Promise<number> {
  const facts = await clusterFacts(settings.databaseUrl, settings.databases);
  await ensureReplicationAccess(settings.bin, settings.databaseUrl, facts, log);
  claimArchive(settings.walDir, facts.systemIdentifier);
  // The archive belongs to the postgres user: a restored cluster's recovery (run as postgres) reads it.
  if (process.getuid?.() === 0) {
    const chown = await run('chown', ['postgres:postgres', settings.walDir]);
    if (chown.code !== 0) throw new BackupError(`chown ${settings.walDir} failed: ${chown.output}`);
  }
  const receivewal = path.join(settings.bin, 'pg_receivewal');
  const common = ['-d', replicationUrl(settings.databaseUrl), '-D', settings.walDir, '--slot', settings.slot];
  const created = await run(...asPostgres(receivewal, [...common, '--create-slot', '--if-not-exists']));
  if (created.code !== 0) throw new BackupError(`creating the slot ${settings.slot} failed: ${created.output.trim()}`);
  log(`archiving WAL of the cluster ${facts.systemIdentifier} into ${settings.walDir} (slot ${settings.slot})`);
  const child = spawn(receivewal, [...common, '--synchronous', '-v'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    ...postgresIds(),
  });
  const stop = () => child.kill('SIGINT');
  signal?.addEventListener('abort', stop, { once: true });
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise((resolve) =>
    child.once('exit', (code, sig) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      log(`pg_receivewal stopped (${sig ?? code})`);
      resolve(sig === 'SIGINT' || code === 0 ? 0 : (code ?? 1));
    }),
  );
}

/**
 * `npm run backup -- --drop-slot`: the server keeps every WAL segment the slot's archiver has not received, so an
 * archive given up must drop its slot or the server's disk fills.
 */
export async function dropSlot(settings: BackupSettings, log: (m: string) => void) {
  const r = await run(path.join(settings.bin, 'pg_receivewal'), [
    '-d',
    replicationUrl(settings.databaseUrl),
    '--slot',
    settings.slot,
    '--drop-slot',
  ]);
  if (r.code !== 0 && !/does not exist/.test(r.output))
    throw new BackupError(`dropping the slot ${settings.slot} failed: ${r.output.trim()}`);
  log(`replication slot ${settings.slot} dropped`);
}
