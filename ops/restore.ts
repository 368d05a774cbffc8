import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serviceEngine } from '../adapters/engine/connect.js';
import { loadConfig } from '../config/config.js';
import { projectRoot } from '../config/paths.js';
import { createDb } from '../db/knex.js';
import { checkAgreement, repairDisagreement } from './backup/agreement.js';
import { BackupError } from './backup/cluster.js';
import { restoreBackup } from './backup/restore-cluster.js';
import { backupSettings, BackupSettingsError, type BackupSettings } from './backup/settings.js';
import { listBackups, type BackupDescription } from './backup/take-backup.js';
import { isEntryPoint, processIo, type CliIo } from './cli-io.js';

export const RESTORE_USAGE = `usage: npm run restore -- <backup>|latest --data-dir <new dir> --port <free port> [--to <time>] [--no-wal] [--other-cluster]
       npm run restore -- --check [--repair]`;

class UsageError extends Error {}

/** A time with its zone (2026-12-07T01:30:00Z, …+03:30): a point-in-time target read in the wrong zone is hours off. */
export function parseTarget(raw: string) {
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(raw) || Number.isNaN(Date.parse(raw)))
    throw new UsageError(
      `--to ${raw}: give a time with its zone, as 2026-12-07T01:30:00Z or 2026-12-07T05:00:00+03:30`,
    );
  return new Date(raw);
}

function parsePort(raw: string | undefined) {
  if (raw === undefined) throw new UsageError('--port: the new cluster needs a free port');
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1024 || port > 65535) throw new UsageError(`--port ${raw}: not a port (1024–65535)`);
  return port;
}

function findBackup(settings: BackupSettings, which: string): { dir: string; description: BackupDescription } {
  if (which === 'latest') {
    const newest = listBackups(settings.dir).at(-1);
    if (!newest) throw new BackupError(`no backups in ${settings.dir}`);
    return newest;
  }
  const dir = path.resolve(settings.dir, which);
  const file = path.join(dir, 'backup.json');
  if (!existsSync(file)) throw new BackupError(`${dir} is no backup (no backup.json)`);
  return { dir, description: JSON.parse(readFileSync(file, 'utf8')) as BackupDescription };
}

async function check(io: CliIo, repair: boolean) {
  const config = loadConfig(io.env);
  const db = createDb(config.DATABASE_URL, { min: 0, max: 2 });
  try {
    const engine = serviceEngine(config);
    const found = await checkAgreement(db, engine);
    for (const r of found.unknownToEngine)
      io.print(
        `registration ${r.id} (${r.status}, since ${r.createdAt.toISOString()}): open here, unknown to the engine`,
      );
    for (const o of found.unknownToUs)
      io.print(
        `instance ${o.processInstanceId} (registration ${o.registrationId ?? 'none'}): running in the engine, ${o.ours === 'none' ? 'unknown here' : `${o.ours} here`}`,
      );
    const n = found.unknownToEngine.length + found.unknownToUs.length;
    if (!n) {
      io.print(
        '[restore] the databases agree: every open registration has its running instance and no instance is left over',
      );
      return 0;
    }
    if (!repair) {
      io.print(
        `[restore] ${n} disagreement(s); --repair closes them (registrations as expired, reason restore; instances ended)`,
      );
      return 1;
    }
    const done = await repairDisagreement(db, engine, found);
    io.print(
      `[restore] repaired: ${done.closed} registration(s) closed, ${done.told} applicant(s) told to start again (SMS and e-mail through the outbox), ${done.ended} instance(s) ended`,
    );
    return 0;
  } finally {
    await db.destroy();
  }
}

/**
 * `npm run restore`: a backup into a new cluster (a new data directory and port; the running one is never written
 * over), optionally replayed to a time from the WAL archive; then what the operator switches over, and
 * `--check [--repair]`, the agreement of our database and the engine's after it.
 */
export async function main(args: string[], io: CliIo = processIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        check: { type: 'boolean' },
        repair: { type: 'boolean' },
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        to: { type: 'string' },
        'no-wal': { type: 'boolean' },
        'other-cluster': { type: 'boolean' },
      },
    });
  } catch (e) {
    io.printError(`[restore] ${(e as Error).message}`);
    io.printError(RESTORE_USAGE);
    return 2;
  }
  const { values: v, positionals } = parsed;
  try {
    if (v.check || v.repair) {
      if (!v.check || positionals.length || v['data-dir'] || v.port || v.to || v['no-wal'] || v['other-cluster'])
        throw new UsageError('--check [--repair] takes nothing else');
      return await check(io, Boolean(v.repair));
    }
    if (positionals.length !== 1) throw new UsageError('name one backup (its directory name) or latest');
    if (!v['data-dir']) throw new UsageError('--data-dir: the new cluster needs a new, empty directory');
    if (v.to && v['no-wal']) throw new UsageError('--to replays the WAL archive; --no-wal does not');
    const port = parsePort(v.port);
    const to = v.to ? parseTarget(v.to) : undefined;
    const settings = backupSettings(io.env);
    const backup = findBackup(settings, positionals[0]!);
    const log = (m: string) => io.print(`[restore] ${m}`);
    const t0 = Date.now();
    const done = await restoreBackup(
      settings,
      {
        backup,
        dataDir: path.resolve(projectRoot, v['data-dir']),
        port,
        to,
        useWal: !v['no-wal'],
        otherCluster: Boolean(v['other-cluster']),
      },
      log,
    );
    log(`restored in ${((Date.now() - t0) / 1000).toFixed(1)} s; the cluster runs on port ${done.port} (${done.dataDir})
Next (docs/operations.md, "Restore"):
  1. with the API, workers and engine stopped, point them at it:
       DATABASE_URL=${done.databaseUrl}
       ENGINE_DATABASE_URL=${done.engineDatabaseUrl}
  2. start the engine, then: npm run restore -- --check   (and --repair for what it lists)
  3. start the API and workers; take a new backup (npm run backup), and restart the WAL archive against it
  Stop this cluster: ${done.stopCommand}`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.printError(`[restore] ${e.message}`);
      io.printError(RESTORE_USAGE);
      return 2;
    }
    if (e instanceof BackupSettingsError || e instanceof BackupError) {
      io.printError(`[restore] ${e.message}`);
      return 1;
    }
    throw e;
  }
}

if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
