import type { Knex } from 'knex';

/**
 * Issue 12: requests to the registration office (RA) — issue, revoke, renew — with the applicant's
 * organization and the certificate the CA issued; the process `certificate-request` carries only the id.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('certificate_requests', (t) => {
    t.uuid('id').primary();
    t.string('action', 8).notNullable(); // issue|revoke|renew
    t.string('kind', 32).notNullable();
    t.string('common_name', 200).notNullable();
    t.string('organization', 200);
    t.string('agency_national_id', 11);
    t.string('role', 64);
    t.string('target_serial', 64); // the certificate to revoke (revoke) or to replace (renew)
    t.string('issued_serial', 64);
    t.text('issued_certificate_pem');
    t.timestamp('issued_at', { useTz: true });
    t.timestamp('revoked_at', { useTz: true });
    t.string('process_instance_id', 64);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('certificate_requests');
}
