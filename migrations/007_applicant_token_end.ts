import type { Knex } from 'knex';

/**
 * The applicant's token ends: when the applicant leaves (this column), or a grace period after the
 * request closed (closed_at + APPLICANT_TOKEN_GRACE, computed, not stored).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('registrations', (t) => {
    t.timestamp('access_token_revoked_at', { useTz: true });
  });
}

/** Loses who left: their tokens would answer again until the request closes. */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('registrations', (t) => {
    t.dropColumn('access_token_revoked_at');
  });
}
