import { loadConfig } from '../config/config.js';
import { createDb, migrateLatest } from '../db/knex.js';
import { MigrationDataLossError, rollback, type RollbackScope } from '../db/migration-rollback.js';
import { isEntryPoint, processIo, type CliIo } from './cli-io.js';
import { ensurePostgres } from './services.js';

/**
 * `npm run migrate` applies what is new. `npm run migrate -- rollback` takes back the last batch only
 * (`--one`: the last migration only), and refuses, naming what would go, when a `down` would delete
 * data (drop a table or a column, delete rows) unless `--allow-data-loss` says so.
 */
const USAGE = 'usage: npm run migrate [-- latest | -- rollback [--one] [--allow-data-loss]]';

/** The command on `argv` (the arguments after the script's name); resolves to its exit code. */
export async function main(args: string[], io: CliIo = processIo): Promise<number> {
  const command = args.find((a) => !a.startsWith('--')) ?? 'latest';
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  const known = command === 'rollback' ? ['--one', '--allow-data-loss'] : [];
  if (
    !['latest', 'rollback'].includes(command) ||
    [...flags].some((f) => !known.includes(f)) ||
    args.filter((a) => !a.startsWith('--')).length > 1
  ) {
    io.printError(USAGE);
    return 2;
  }

  const log = (m: string) => io.print(`[migrate] ${m}`);
  const config = loadConfig(io.env);
  await ensurePostgres(config.DATABASE_URL, (m) => io.print(`[postgres] ${m}`));
  const db = createDb(config.DATABASE_URL);
  try {
    if (command === 'rollback') {
      const scope: RollbackScope = flags.has('--one') ? 'one' : 'batch';
      const { undo, losses } = await rollback(db, scope, { allowDataLoss: flags.has('--allow-data-loss') });
      for (const loss of losses) log(`deleted: ${loss.migration}: ${loss.what}`);
      log(`rolled back: ${undo.join(', ') || 'nothing'}`);
    } else {
      const applied = await migrateLatest(db);
      log(`applied: ${applied.join(', ') || 'none (up to date)'}`);
    }
    return 0;
  } catch (e) {
    if (!(e instanceof MigrationDataLossError)) throw e;
    io.printError(`[migrate] refused: rolling back ${e.undo.join(', ')} would delete data:`);
    for (const loss of e.losses) io.printError(`  ${loss.migration}: ${loss.what}`);
    io.printError(
      '[migrate] nothing was changed. Take a backup, then run again with --allow-data-loss to do it anyway.',
    );
    return 1;
  } finally {
    await db.destroy();
  }
}

if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
