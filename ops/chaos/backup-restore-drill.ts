import { rmSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ProcessEngine } from '../../adapters/engine/process-engine.js';
import type { Db } from '../../db/knex.js';
import { checkAgreement, repairDisagreement } from '../backup/agreement.js';
import { restoreBackup } from '../backup/restore-cluster.js';
import { backupSettings } from '../backup/settings.js';
import { listBackups, takeBackup } from '../backup/take-backup.js';
import { runWalArchive } from '../backup/wal-archive.js';
import type { startPrivatePostgres } from './private-services.js';

type Cluster = Awaited<ReturnType<typeof startPrivatePostgres>>;
interface Service {
  start(): Promise<unknown>;
  kill(): unknown;
}

/**
 * Row 11: a backup while registrations are in flight, more registrations, the cluster destroyed (its processes
 * SIGKILLed, its data directory deleted), then what docs/operations.md tells the operator to do: stop what uses it,
 * restore the newest backup with the WAL archive replayed to its end into a new data directory on the old port,
 * start the engine, check (and repair) the agreement, start the API and workers.
 */
export function backupRestoreDrill(opts: {
  pg: Cluster;
  dir: string;
  db: Db;
  engine: ProcessEngine;
  /** The engine nodes first, then the API and workers: stopped in reverse, started in this order. */
  engines: Service[];
  services: Service[];
  say: (m: string) => void;
}) {
  const settings = backupSettings({
    ...process.env,
    DATABASE_URL: opts.pg.url('payam'),
    ENGINE_DATABASE_URL: opts.pg.url('operaton'),
    BACKUP_DIR: path.join(opts.dir, 'backups'),
  });
  // A cluster of this run's own: an archive of an earlier run's cluster is refused (as it should be).
  rmSync(opts.dir, { recursive: true, force: true });
  let archiver: { stop: AbortController; done: Promise<number> } | undefined;
  let restores = 0;
  const log = (m: string) => opts.say(`backup: ${m}`);
  return {
    /** The WAL archive runs from before the backup (again after each restore: the restored cluster has no slot). */
    startArchive() {
      if (archiver) return;
      const stop = new AbortController();
      const done = runWalArchive(settings, log, stop.signal).catch((e: unknown) => {
        log(`the WAL archive stopped: ${(e as Error).message}`);
        return 1;
      });
      archiver = { stop, done };
    },
    async stopArchive() {
      archiver?.stop.abort();
      await archiver?.done.catch(() => undefined);
      archiver = undefined;
    },
    async act(more: () => void) {
      const t0 = Date.now();
      const backup = await takeBackup(settings, log);
      const backupSeconds = (Date.now() - t0) / 1000;
      const mb = Object.values(backup.description.sizes).reduce((a, b) => a + b, 0) / 1e6;
      more();
      await sleep(10_000);
      for (const s of [...opts.services, ...opts.engines].reverse()) await s.kill();
      opts.pg.destroy();
      await this.stopArchive();
      const t1 = Date.now();
      const dataDir = path.join(opts.dir, `restored-${++restores}`);
      const restored = await restoreBackup(
        settings,
        {
          backup: listBackups(settings.dir).at(-1)!,
          dataDir,
          port: opts.pg.port,
          useWal: true,
          otherCluster: false,
        },
        log,
      );
      opts.pg.adopt(restored.dataDir);
      const restoreSeconds = (Date.now() - t1) / 1000;
      for (const e of opts.engines) await e.start();
      const found = await checkAgreement(opts.db, opts.engine);
      const repaired = await repairDisagreement(opts.db, opts.engine, found, 'ops:chaos');
      for (const s of opts.services) await s.start();
      this.startArchive();
      return `backup of ${mb.toFixed(1)} MB in ${backupSeconds.toFixed(1)} s with registrations in flight, more started after it; cluster destroyed; restored with the WAL archive replayed (${restored.replayedWal ? 'yes' : 'no'}) in ${restoreSeconds.toFixed(1)} s; agreement check: ${found.unknownToEngine.length} registrations unknown to the engine, ${found.unknownToUs.length} instances unknown to us (${repaired.told} applicants told to start again)`;
    },
  };
}
