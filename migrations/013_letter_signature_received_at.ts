import type { Knex } from 'knex';

/**
 * Issue 19: a letter's signature is judged at the time we received it, never at the signing time its
 * signer claims. An embedded signature arrives with the letter (`uploaded_at`); a detached `.p7s` may come
 * later, so its own receipt is kept. Rows from before have none: their `.p7s` is judged at the letter's upload.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('letters', (t) => {
    t.timestamp('signature_received_at', { useTz: true });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('letters', (t) => t.dropColumn('signature_received_at'));
}
