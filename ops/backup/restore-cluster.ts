import { appendFileSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { run } from '../run.js';
import { BackupError, systemIdentifierAt } from './cluster.js';
import { asPostgres } from './postgres-user.js';
import type { BackupSettings } from './settings.js';
import type { BackupDescription } from './take-backup.js';
import { unpackBackup, verifyUnpacked } from './verify-backup.js';
import { archivedSegments, archiveOwner } from './wal-archive.js';

export interface RestoreRequest {
  backup: { dir: string; description: BackupDescription };
  /** A new, empty data directory: the restore never writes over a cluster. */
  dataDir: string;
  port: number;
  /** Replay the WAL archive up to this time (point-in-time recovery); without it, as far as the archive goes. */
  to?: Date;
  /** Replay the WAL archive (when it holds this cluster's WAL); false: the backup as it was at its end. */
  useWal: boolean;
  /** Restore although the cluster at DATABASE_URL is another one than the backup's. */
  otherCluster: boolean;
}

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** Refusals before anything is written: the wrong cluster, a target the backup cannot reach, a used directory. */
async function refusals(settings: BackupSettings, req: RestoreRequest, wal: boolean) {
  const { description } = req.backup;
  const current = await systemIdentifierAt(settings.databaseUrl);
  if (current && current !== description.systemIdentifier && !req.otherCluster)
    throw new BackupError(
      `the backup is of the cluster ${description.systemIdentifier}, DATABASE_URL's is ${current}: restore it for that cluster only with --other-cluster`,
    );
  if (req.to && req.to.getTime() < new Date(description.finishedAt).getTime())
    throw new BackupError(
      `--to ${req.to.toISOString()} is before the backup's end (${description.finishedAt}): choose an older backup`,
    );
  if (req.to && !wal)
    throw new BackupError('--to needs the WAL archive (npm run backup -- --wal-archive) of this cluster');
  if (existsSync(req.dataDir) && readdirSync(req.dataDir).length)
    throw new BackupError(`${req.dataDir} is not empty: restore into a new directory`);
  const taken = await systemIdentifierAt(`postgres://postgres@127.0.0.1:${req.port}/postgres`).catch(() => 'other');
  if (taken) throw new BackupError(`port ${req.port} is taken (a PostgreSQL answers there): choose a free one`);
}

/**
 * A backup restored into a new cluster (data directory and port) and started: the backup's files verified again
 * after unpacking, then, with the WAL archive, recovery replays it (to `to`, or to its end) and the cluster is
 * promoted; without, PostgreSQL replays the WAL the backup carries and opens as of the backup's end.
 */
export async function restoreBackup(settings: BackupSettings, req: RestoreRequest, log: (m: string) => void) {
  const { description } = req.backup;
  const segments = archivedSegments(settings.walDir);
  const wal =
    req.useWal &&
    archiveOwner(settings.walDir) === description.systemIdentifier &&
    segments.complete.length + segments.partial.length > 0;
  await refusals(settings, req, wal);
  const dataDir = path.join(req.dataDir, 'data');
  mkdirSync(dataDir, { recursive: true });
  await unpackBackup(req.backup.dir, dataDir);
  await verifyUnpacked(settings.bin, req.backup.dir, dataDir);
  log(`unpacked and verified ${description.name} into ${dataDir}`);

  // A Debian cluster's configuration lives outside its data directory; the restored one gets its own here.
  const configDir = path.join(req.backup.dir, 'config');
  for (const file of ['pg_hba.conf', 'pg_ident.conf']) {
    if (existsSync(path.join(dataDir, file))) continue;
    if (existsSync(path.join(configDir, file))) copyFileSync(path.join(configDir, file), path.join(dataDir, file));
    else
      writeFileSync(
        path.join(dataDir, file),
        file === 'pg_hba.conf'
          ? 'local all all peer\nhost all all 127.0.0.1/32 scram-sha-256\nhost replication all 127.0.0.1/32 scram-sha-256\n'
          : '',
      );
  }
  if (!existsSync(path.join(dataDir, 'postgresql.conf'))) writeFileSync(path.join(dataDir, 'postgresql.conf'), '');
  const settingsLines = [
    `# Written by npm run restore from ${description.name}`,
    `port = ${req.port}`,
    `listen_addresses = '127.0.0.1'`,
    `unix_socket_directories = ${quote(req.dataDir)}`,
    ...Object.entries(description.settings ?? {}).map(([name, value]) => `${name} = ${value}`),
  ];
  if (wal) {
    // The segment pg_receivewal was writing is complete up to the last commit it received: recovery reads it from
    // pg_wal once the archive has no more.
    for (const p of segments.partial)
      copyFileSync(path.join(settings.walDir, p), path.join(dataDir, 'pg_wal', p.slice(0, 24)));
    settingsLines.push(
      `restore_command = ${quote(`cp "${settings.walDir}/%f" "%p"`)}`,
      `recovery_target_action = 'promote'`,
      ...(req.to
        ? [`recovery_target_time = ${quote(req.to.toISOString().replace('T', ' ').replace('Z', '+00'))}`]
        : []),
    );
    writeFileSync(path.join(dataDir, 'recovery.signal'), '');
  }
  appendFileSync(path.join(dataDir, 'postgresql.auto.conf'), `\n${settingsLines.join('\n')}\n`);
  if (process.getuid?.() === 0) {
    const chown = await run('chown', ['-R', 'postgres:postgres', req.dataDir]);
    if (chown.code !== 0) throw new BackupError(`chown failed: ${chown.output}`);
  }
  const chmod = await run('chmod', ['700', dataDir]);
  if (chmod.code !== 0) throw new BackupError(`chmod failed: ${chmod.output}`);

  const logFile = path.join(req.dataDir, 'server.log');
  const [cmd, args] = asPostgres(path.join(settings.bin, 'pg_ctl'), [
    '-D',
    dataDir,
    '-l',
    logFile,
    '-w',
    '-t',
    '600',
    'start',
  ]);
  log(
    wal
      ? `starting it on port ${req.port}, replaying the WAL archive ${req.to ? `to ${req.to.toISOString()}` : 'to its end'}`
      : `starting it on port ${req.port} as of the backup's end (${description.finishedAt})`,
  );
  const started = await run(cmd, [...args]);
  const serverLog = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : '');
  if (started.code !== 0)
    throw new BackupError(`the restored cluster did not start: ${started.output}\n${serverLog()}`);
  const url = (db: string) => {
    const u = new URL(settings.databaseUrl);
    u.hostname = '127.0.0.1';
    u.port = String(req.port);
    u.pathname = `/${db}`;
    return u.toString();
  };
  // Recovery ends with a promotion: only then are the databases writable, and the restore done.
  const client = new pg.Client({ connectionString: url('postgres') });
  await client.connect();
  try {
    for (let i = 0; ; i++) {
      const r = await client.query<{ r: boolean }>('select pg_is_in_recovery() as r');
      if (!r.rows[0]!.r) break;
      if (i > 1200) throw new BackupError(`the restored cluster is still recovering after 10 minutes:\n${serverLog()}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await client.end();
  }
  const restored = {
    from: description.name,
    systemIdentifier: description.systemIdentifier,
    replayedWal: wal,
    to: req.to?.toISOString() ?? null,
    port: req.port,
    dataDir,
    restoredAt: new Date().toISOString(),
  };
  writeFileSync(path.join(req.dataDir, 'restored.json'), `${JSON.stringify(restored, null, 2)}\n`);
  return {
    ...restored,
    databaseUrl: url(description.databases.ours),
    engineDatabaseUrl: url(description.databases.engine),
    stopCommand: asPostgres(path.join(settings.bin, 'pg_ctl'), ['-D', dataDir, 'stop']).flat().join(' '),
  };
}
