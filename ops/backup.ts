import { isEntryPoint, processIo, type CliIo } from './cli-io.js';
import { BackupError } from './backup/cluster.js';
import { backupSettings, BackupSettingsError } from './backup/settings.js';
import { listBackups, takeBackup } from './backup/take-backup.js';
import { dropSlot, runWalArchive } from './backup/wal-archive.js';

/**
 * `npm run backup`: one verified base backup of the cluster holding our database and the engine's, into BACKUP_DIR.
 * `-- --wal-archive`: stream the cluster's WAL into BACKUP_DIR/wal until stopped (for point-in-time restores).
 * `-- --list`: the backups there. `-- --drop-slot`: give the WAL archive up (the server stops keeping WAL for it).
 */
export const BACKUP_USAGE = 'usage: npm run backup [-- --wal-archive | -- --list | -- --drop-slot]';
const MODES = ['--wal-archive', '--list', '--drop-slot'];

export async function main(args: string[], io: CliIo = processIo, signal?: AbortSignal): Promise<number> {
  const unknown = args.filter((a) => !MODES.includes(a));
  const modes = args.filter((a) => MODES.includes(a));
  if (unknown.length || modes.length > 1 || new Set(args).size !== args.length) {
    io.printError(BACKUP_USAGE);
    return 2;
  }
  const log = (m: string) => io.print(`[backup] ${m}`);
  let settings;
  try {
    settings = backupSettings(io.env);
  } catch (e) {
    if (!(e instanceof BackupSettingsError)) throw e;
    io.printError(`[backup] ${e.message}`);
    return 1;
  }
  try {
    switch (modes[0]) {
      case '--list': {
        const all = listBackups(settings.dir);
        if (!all.length) log(`no backups in ${settings.dir}`);
        for (const { description: d } of all) {
          const mb = (Object.values(d.sizes).reduce((a, b) => a + b, 0) / 1e6).toFixed(1);
          io.print(
            `${d.name}  finished ${d.finishedAt}  ${mb} MB  cluster ${d.systemIdentifier}  commit ${d.commit ?? '?'}`,
          );
        }
        return 0;
      }
      case '--wal-archive':
        return await runWalArchive(settings, log, signal);
      case '--drop-slot':
        await dropSlot(settings, log);
        return 0;
      default: {
        const t0 = Date.now();
        const { dir, description } = await takeBackup(settings, log);
        const mb = (Object.values(description.sizes).reduce((a, b) => a + b, 0) / 1e6).toFixed(1);
        log(
          `done in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${dir} (${mb} MB, WAL ${description.wal.startLsn}–${description.wal.endLsn}, databases ${description.databases.ours} and ${description.databases.engine})`,
        );
        return 0;
      }
    }
  } catch (e) {
    if (!(e instanceof BackupError)) throw e;
    io.printError(`[backup] ${e.message}`);
    return 1;
  }
}

if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
