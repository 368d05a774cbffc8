import type { Db, Tx } from './knex.js';

export interface UserTaskRow {
  job_key: string;
  process_instance_key: string;
  element_id: string;
  registration_id: string | null;
  candidate_groups: string | null;
  form_key: string | null;
  state: 'open' | 'completed' | 'canceled';
  created_at: Date;
  ended_at: Date | null;
}

/** The user tasks Zeebe has created, as the inbox worker saw them (Zeebe alone cannot be searched). */
export function createUserTasksRepo(db: Db) {
  const table = (trx?: Tx) => (trx ?? db)<UserTaskRow>('user_tasks');
  return {
    /** Idempotent: a job seen again after its activation timed out keeps its first row. */
    async recordOpen(row: Omit<UserTaskRow, 'state' | 'created_at' | 'ended_at'>, trx?: Tx) {
      const inserted = await table(trx).insert({ ...row, state: 'open' }).onConflict('job_key').ignore().returning('job_key');
      return inserted.length > 0;
    },
    openFor: (registrationId: string, elementIds?: string[], trx?: Tx) => {
      const q = table(trx).where({ registration_id: registrationId, state: 'open' });
      if (elementIds) q.whereIn('element_id', elementIds);
      return q.orderBy('created_at', 'desc').first();
    },
    async end(jobKey: string, state: 'completed' | 'canceled', trx?: Tx) {
      return table(trx).where({ job_key: jobKey, state: 'open' }).update({ state, ended_at: db.fn.now() as unknown as Date });
    },
    async endAllFor(registrationId: string, elementIds: string[] | undefined, state: 'completed' | 'canceled', trx?: Tx) {
      const q = table(trx).where({ registration_id: registrationId, state: 'open' });
      if (elementIds) q.whereIn('element_id', elementIds);
      return q.update({ state, ended_at: db.fn.now() as unknown as Date });
    },
  };
}

export type UserTasksRepo = ReturnType<typeof createUserTasksRepo>;
