import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { run } from '../run.js';
import { BackupError } from './cluster.js';

/** Unpacks a tar-format base backup: the data directory, and the WAL it needs into its pg_wal. */
export async function unpackBackup(backupDir: string, dataDir: string) {
  mkdirSync(path.join(dataDir, 'pg_wal'), { recursive: true });
  for (const [file, into] of [
    ['base.tar.gz', dataDir],
    ['pg_wal.tar.gz', path.join(dataDir, 'pg_wal')],
  ] as const) {
    const r = await run('tar', ['-xzf', path.join(backupDir, file), '-C', into]);
    if (r.code !== 0) throw new BackupError(`unpacking ${file} failed: ${r.output.trim()}`);
  }
}

/** pg_verifybackup on an unpacked data directory against the backup's manifest: every file's checksum, and the WAL. */
export async function verifyUnpacked(bin: string, backupDir: string, dataDir: string) {
  const r = await run(path.join(bin, 'pg_verifybackup'), ['-m', path.join(backupDir, 'backup_manifest'), dataDir]);
  if (r.code !== 0) throw new BackupError(`pg_verifybackup found the backup damaged: ${r.output.trim().slice(-1500)}`);
}

/** Unpacks the backup in a scratch directory beside it and verifies it there; the scratch copy goes either way. */
export async function verifyBackup(bin: string, backupDir: string, log: (m: string) => void) {
  const scratch = mkdtempSync(path.join(path.dirname(backupDir), '.verify-'));
  try {
    await unpackBackup(backupDir, scratch);
    await verifyUnpacked(bin, backupDir, scratch);
    log('verified: every file against the manifest, and the WAL from start to end of the backup');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
