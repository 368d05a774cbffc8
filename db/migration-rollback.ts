import { migrations } from '../migrations/index.js';
import type { Db, Tx } from './knex.js';

/** The last batch `npm run migrate` applied, or only the last migration. */
export type RollbackScope = 'batch' | 'one';

/** Something a migration's `down` would delete, in words: a table, a column, or rows. */
export interface DataLoss {
  migration: string;
  what: string;
}

export class MigrationDataLossError extends Error {
  static readonly code = 'MIGRATION_DATA_LOSS';
  readonly code = MigrationDataLossError.code;
  override name = MigrationDataLossError.name;
  constructor(
    readonly undo: string[],
    readonly losses: DataLoss[],
  ) {
    super(
      `rolling back ${undo.join(', ')} would delete data: ${losses.map((l) => `${l.migration}: ${l.what}`).join('; ')}`,
    );
  }
}

interface Column {
  tableOid: number;
  table: string;
  columnNo: number;
  column: string;
}

const ROLLBACK = Symbol('rollback');
const rows = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`;
const values = (n: number) => `${n} ${n === 1 ? 'value' : 'values'}`;

/**
 * The project's tables and columns by identity (table oid, column number), so that a rename is not
 * taken for a drop. knex's own bookkeeping tables are not data.
 */
async function columns(trx: Tx): Promise<Column[]> {
  const { rows: found } = await trx.raw(`
    select c.oid::int as "tableOid", c.relname as "table", a.attnum::int as "columnNo", a.attname as "column"
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where n.nspname = current_schema() and c.relkind in ('r', 'p') and c.relname not in ('knex_migrations', 'knex_migrations_lock')
    order by c.relname, a.attnum`);
  return found as Column[];
}

/** Per table: its rows, and the values (non-null) in each column; one scan per table. */
async function counts(trx: Tx, cols: Column[]) {
  const out = new Map<number, { rows: number; values: Map<number, number> }>();
  for (const tableOid of new Set(cols.map((c) => c.tableOid))) {
    const own = cols.filter((c) => c.tableOid === tableOid);
    const selects = own.map((_, i) => `count(??)::int as c${i}`).join(', ');
    const [row] = (
      await trx.raw(`select count(*)::int as n, ${selects} from ??`, [...own.map((c) => c.column), own[0]!.table])
    ).rows;
    out.set(tableOid, { rows: row.n, values: new Map(own.map((c, i) => [c.columnNo, row[`c${i}`] as number])) });
  }
  return out;
}

/** What one `down` removed: tables, columns (of tables that stay), and rows of tables that stay. */
async function lossesOf(migration: string, trx: Tx, down: () => PromiseLike<unknown>): Promise<DataLoss[]> {
  const before = await columns(trx);
  const held = await counts(trx, before);
  await down();
  const after = await columns(trx);
  const losses: DataLoss[] = [];
  const tablesAfter = new Set(after.map((c) => c.tableOid));
  const columnsAfter = new Set(after.map((c) => `${c.tableOid}:${c.columnNo}`));
  const heldAfter = await counts(
    trx,
    after.filter((c) => held.has(c.tableOid)),
  );
  for (const [tableOid, { rows: n, values: v }] of held) {
    const cols = before.filter((c) => c.tableOid === tableOid);
    const table = cols[0]!.table;
    if (!tablesAfter.has(tableOid)) {
      losses.push({ migration, what: `drops table ${table} (${rows(n)})` });
      continue;
    }
    for (const c of cols.filter((col) => !columnsAfter.has(`${tableOid}:${col.columnNo}`))) {
      losses.push({ migration, what: `drops column ${table}.${c.column} (${values(v.get(c.columnNo) ?? 0)})` });
    }
    const left = heldAfter.get(tableOid)?.rows ?? n;
    if (left < n) losses.push({ migration, what: `deletes ${rows(n - left)} of ${table}` });
  }
  return losses;
}

/** The migrations a rollback of `scope` undoes, newest first. */
async function toUndo(db: Db, scope: RollbackScope): Promise<string[]> {
  if (!(await db.schema.hasTable('knex_migrations'))) return [];
  const applied = await db('knex_migrations')
    .orderBy('id', 'desc')
    .select<{ name: string; batch: number }[]>('name', 'batch');
  if (applied.length === 0) return [];
  return scope === 'one' ? [applied[0]!.name] : applied.filter((m) => m.batch === applied[0]!.batch).map((m) => m.name);
}

/**
 * What a rollback would undo and delete, found by doing it in a transaction that is then rolled
 * back (PostgreSQL's DDL is transactional): each `down` is run as written, and the catalogue and
 * the counts before and after say what went. Nothing is declared by hand, so no migration can forget to.
 */
async function planRollback(db: Db, scope: RollbackScope): Promise<{ undo: string[]; losses: DataLoss[] }> {
  const undo = await toUndo(db, scope);
  const losses: DataLoss[] = [];
  await db
    .transaction(async (trx) => {
      for (const name of undo) {
        const migration = migrations[name];
        if (!migration?.down) throw new Error(`${name} is applied but has no down in migrations/index.ts`);
        losses.push(...(await lossesOf(name, trx, () => migration.down!(trx))));
      }
      throw ROLLBACK;
    })
    .catch((e: unknown) => {
      if (e !== ROLLBACK) throw e;
    });
  return { undo, losses };
}

/** One batch (or one migration) back; refused, with every loss named, when it would delete data and that was not allowed. */
export async function rollback(db: Db, scope: RollbackScope, { allowDataLoss = false } = {}) {
  const plan = await planRollback(db, scope);
  if (plan.losses.length > 0 && !allowDataLoss) throw new MigrationDataLossError(plan.undo, plan.losses);
  if (plan.undo.length === 0) return plan;
  if (scope === 'one') await db.migrate.down();
  else await db.migrate.rollback();
  return plan;
}
