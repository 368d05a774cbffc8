import type { Knex } from 'knex';

/**
 * Issue 12: an introduction letter may come signed with the agency's organizational-seal certificate,
 * embedded in the PDF or as a detached CMS (`.p7s`) kept beside it; each check of the signature (card
 * step 3-2, before the review) is kept with what the reviewer is shown about the signer.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('letters', (t) => {
    t.binary('signature'); // the detached CMS (.p7s) over `content`, when one was uploaded
  });
  await knex.schema.createTable('letter_signature_checks', (t) => {
    t.bigIncrements('id');
    t.uuid('registration_id').notNullable().references('registrations.id').onDelete('CASCADE').index();
    // The external task that made the check: a task delivered twice finds its row and acts once.
    t.string('task_id', 64).notNullable().unique();
    t.string('letter_sha256', 64).notNullable();
    t.string('outcome', 32).notNullable(); // valid|not_signed|bad_signature|expired|untrusted_chain|revoked|key_usage|wrong_kind|other_organization
    t.string('format', 16); // embedded|detached
    t.string('signer', 200);
    t.string('organization', 200);
    t.string('agency_national_id', 11);
    t.string('role', 64);
    t.string('kind', 32);
    t.string('issuer', 300);
    t.string('serial_number', 64);
    t.string('fingerprint_sha256', 64);
    t.timestamp('not_before', { useTz: true });
    t.timestamp('not_after', { useTz: true });
    t.timestamp('signing_time', { useTz: true });
    t.string('revocation', 16); // good|revoked|not_checked
    t.timestamp('revoked_at', { useTz: true });
    t.timestamp('checked_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('letter_signature_checks');
  await knex.schema.alterTable('letters', (t) => t.dropColumn('signature'));
}
