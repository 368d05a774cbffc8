import type { Db, Tx } from './knex.js';

export interface IncidentRow {
  id: string;
  job_key: string;
  process_instance_key: string;
  element_id: string;
  element_instance_key: string;
  task_type: string;
  registration_id: string | null;
  error_code: string;
  state: 'open' | 'resolved';
  created_at: Date;
  resolved_at: Date | null;
}

export function createIncidentsRepo(db: Db) {
  const table = (trx?: Tx) => (trx ?? db)<IncidentRow>('incidents');
  return {
    async record(row: Omit<IncidentRow, 'id' | 'state' | 'created_at' | 'resolved_at'>, trx?: Tx) {
      await table(trx).insert(row).onConflict('job_key').merge(['error_code']);
    },
    open: (trx?: Tx) => table(trx).where({ state: 'open' }).orderBy('id'),
    get: (id: string | number, trx?: Tx) => table(trx).where({ id: String(id) }).first(),
    async resolve(id: string | number, trx?: Tx) {
      await table(trx).where({ id: String(id) }).update({ state: 'resolved', resolved_at: db.fn.now() as unknown as Date });
    },
  };
}

export type IncidentsRepo = ReturnType<typeof createIncidentsRepo>;
