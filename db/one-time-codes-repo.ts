import type { Db, Tx } from './knex.js';

export interface OneTimeCodeRow {
  id: string;
  registration_id: string;
  task_id: string;
  code_hash: string;
  expires_at: Date;
  sent_at: Date | null;
  consumed_at: Date | null;
  superseded_at: Date | null;
  created_at: Date;
}

/** One-time codes (card step 9), stored as HMACs; only the newest of a registration counts. */
export function createOneTimeCodesRepo(db: Db) {
  const table = (trx?: Tx) => (trx ?? db)<OneTimeCodeRow>('one_time_codes');
  return {
    get: (id: string, trx?: Tx) => table(trx).where({ id }).first(),
    byTask: (taskId: string, trx?: Tx) => table(trx).where({ task_id: taskId }).first(),
    /** The code in force: the newest one not replaced by a later one. */
    current: (registrationId: string, trx?: Tx) =>
      table(trx)
        .where({ registration_id: registrationId })
        .whereNull('superseded_at')
        .orderBy('created_at', 'desc')
        .first(),
    /** Codes made since a moment (a round of step 9 begins at the submit), newest first. */
    since: (registrationId: string, from: Date, trx?: Tx) =>
      table(trx)
        .where({ registration_id: registrationId })
        .where('created_at', '>=', from)
        .orderBy('created_at', 'desc'),
    /**
     * Stores a new code for a task, once: a repeated task (or two deliveries of it racing) gets the id of
     * the code stored first. Older codes of the registration stop counting.
     */
    async issue(
      row: { id: string; registrationId: string; taskId: string; codeHash: string; expiresAt: Date },
      now: Date,
      trx?: Tx,
    ): Promise<string> {
      const [inserted] = await table(trx)
        .insert({
          id: row.id,
          registration_id: row.registrationId,
          task_id: row.taskId,
          code_hash: row.codeHash,
          expires_at: row.expiresAt,
        })
        .onConflict('task_id')
        .ignore()
        .returning('id');
      if (!inserted) return (await table(trx).where({ task_id: row.taskId }).first('id'))!.id;
      await table(trx)
        .where({ registration_id: row.registrationId })
        .whereNot({ id: row.id })
        .whereNull('consumed_at')
        .whereNull('superseded_at')
        .update({ superseded_at: now });
      return row.id;
    },
    markSent: async (id: string, at: Date, trx?: Tx) => {
      await table(trx).where({ id }).update({ sent_at: at });
    },
    markConsumed: async (id: string, at: Date, trx?: Tx) => {
      await table(trx).where({ id }).update({ consumed_at: at });
    },
  };
}
