import type { Knex } from 'knex';

/**
 * The retention policy (domain/retention.ts): when an unsuccessful request's personal data was
 * removed, and indexes for the daily purge's searches, which would otherwise read whole tables.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('registrations', (t) => {
    t.timestamp('purged_at', { useTz: true });
  });
  await knex.raw(
    `create index registrations_purge_due on registrations (closed_at) where purged_at is null and status in ('rejected', 'expired')`,
  );
  await knex.schema.alterTable('captchas', (t) => t.index(['expires_at'], 'captchas_expires_at_index'));
  await knex.schema.alterTable('auth_sessions', (t) => t.index(['expires_at'], 'auth_sessions_expires_at_index'));
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('auth_sessions', (t) => t.dropIndex([], 'auth_sessions_expires_at_index'));
  await knex.schema.alterTable('captchas', (t) => t.dropIndex([], 'captchas_expires_at_index'));
  await knex.raw('drop index if exists registrations_purge_due');
  await knex.schema.alterTable('registrations', (t) => t.dropColumn('purged_at'));
}
