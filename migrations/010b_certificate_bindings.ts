import type { Knex } from 'knex';

/**
 * Issue 12: an agency account's certificate, bound as Setad binds a token's (a signed one-time
 * challenge), and the challenges for binding and for logging in by certificate.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('certificate_challenges', (t) => {
    t.uuid('id').primary();
    t.string('purpose', 8).notNullable(); // bind|login
    t.uuid('account_id').references('accounts.id').onDelete('CASCADE'); // the account binding; null for a login
    t.string('challenge', 128).notNullable(); // the text to sign: random, single use, short-lived
    t.timestamp('expires_at', { useTz: true }).notNullable().index();
    t.timestamp('consumed_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.schema.createTable('certificate_bindings', (t) => {
    t.uuid('id').primary();
    t.uuid('account_id').notNullable().references('accounts.id').onDelete('CASCADE').index();
    t.string('fingerprint_sha256', 64).notNullable();
    t.string('serial_number', 64).notNullable();
    t.string('issuer', 300).notNullable();
    t.string('subject', 500).notNullable();
    t.timestamp('not_after', { useTz: true }).notNullable();
    t.timestamp('bound_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('unbound_at', { useTz: true });
    t.string('unbound_by', 64);
  });
  // A certificate is bound to one account at a time ("already registered" otherwise).
  await knex.raw(
    'create unique index certificate_bindings_one_active on certificate_bindings (fingerprint_sha256) where unbound_at is null',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('certificate_bindings');
  await knex.schema.dropTable('certificate_challenges');
}
