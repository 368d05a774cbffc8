import type { Knex } from 'knex';

/**
 * Two things the notice outbox (`notifications`) now carries:
 * - `message_id`: an e-mail's Message-ID, chosen when the notice is first claimed and kept, so a send retried
 *   after an unknown outcome (the SMTP server took it, then we lost the reply or the database) is the same
 *   message to every mail client, whatever changed in between (MAIL_FROM's domain, say).
 * - `one_time_code_id`: one-time codes go out through the outbox too. The row names the code, never its
 *   digits: the delivery derives them again from the code's id with the server's pepper (as the stored HMAC
 *   does, nothing in the database alone gives the code). Purging the code leaves the notice without one.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('notifications', (t) => {
    t.string('message_id', 255);
    t.uuid('one_time_code_id').references('one_time_codes.id').onDelete('SET NULL').index();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex('notifications').where({ template: 'otp' }).delete();
  await knex.schema.alterTable('notifications', (t) => {
    t.dropColumn('one_time_code_id');
    t.dropColumn('message_id');
  });
}
