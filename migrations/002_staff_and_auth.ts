import type { Knex } from 'knex';

/**
 * Staff of the IT office, sessions for staff and agency accounts, brute-force state, and the
 * indexes the supervisor's report reads. The report itself is computed from `registrations`.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('staff', (t) => {
    t.uuid('id').primary();
    t.string('username', 32).notNullable().unique(); // lower-case, see domain/staff.ts
    t.text('password_hash').notNullable(); // argon2id
    t.string('role', 16).notNullable(); // reviewer|supervisor|admin
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamps(true, true);
  });
  await knex.raw(
    `alter table staff add constraint staff_role_check check (role in ('reviewer', 'supervisor', 'admin'))`,
  );

  // Opaque bearer tokens, stored as an HMAC keyed with TOKEN_SECRET (see api/auth/session-token.ts).
  await knex.schema.createTable('auth_sessions', (t) => {
    t.uuid('id').primary();
    t.string('kind', 8).notNullable(); // staff|account
    t.uuid('subject_id').notNullable(); // staff.id or accounts.id
    t.string('token_hash', 64).notNullable().unique();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('revoked_at', { useTz: true });
    t.index(['kind', 'subject_id']);
  });

  // Keycloak's per-username failure record. The key is an HMAC of realm and username, so unknown
  // usernames are tracked alike (a lock reveals nothing) and no username is stored in clear.
  await knex.schema.createTable('login_failures', (t) => {
    t.string('realm', 8).notNullable(); // staff|account
    t.string('key_hash', 64).notNullable();
    t.integer('failures').notNullable().defaultTo(0);
    t.timestamp('last_failure_at', { useTz: true }).notNullable();
    t.timestamp('locked_until', { useTz: true });
    t.primary(['realm', 'key_hash']);
  });

  // The report selects registrations by start time; the queue by open review task.
  await knex.schema.alterTable('registrations', (t) => t.index(['created_at'], 'registrations_created_at_index'));
  await knex.schema.alterTable('user_tasks', (t) =>
    t.index(['element_id', 'state', 'created_at'], 'user_tasks_queue_index'),
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('user_tasks', (t) => t.dropIndex([], 'user_tasks_queue_index'));
  await knex.schema.alterTable('registrations', (t) => t.dropIndex([], 'registrations_created_at_index'));
  for (const table of ['login_failures', 'auth_sessions', 'staff']) await knex.schema.dropTableIfExists(table);
}
