import type { Knex } from 'knex';

/**
 * `notifications` is the notice outbox: BullMQ only carries ids. A delivery claims its row for a
 * while (`claimed_until`), so two jobs for one notice (a job lost with Redis and enqueued again
 * while the first still runs) never send it twice; the sweeper finds undelivered rows by the index.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('notifications', (t) => {
    t.timestamp('claimed_until', { useTz: true });
  });
  await knex.raw(`create index notifications_undelivered on notifications (created_at) where status = 'queued'`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists notifications_undelivered');
  await knex.schema.alterTable('notifications', (t) => t.dropColumn('claimed_until'));
}
