import type { Knex } from 'knex';

/**
 * Issue 23, the registration office's front door: clerks (staff role ra-clerk) take certificate requests
 * with the applicant's identity, scanned documents and the token's CSR, all here and never in the engine;
 * the applicant follows the request by a tracking code. Eight digits from a sequence of their own, so a
 * certificate request's code is never mistaken for a registration's seven.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table staff drop constraint staff_role_check');
  await knex.raw(
    `alter table staff add constraint staff_role_check check (role in ('reviewer', 'supervisor', 'process-owner', 'ra-clerk', 'admin'))`,
  );
  await knex.raw('CREATE SEQUENCE certificate_request_tracking_code_seq START WITH 20000001 MAXVALUE 99999999');
  await knex.raw(`ALTER TABLE certificate_requests
    ADD COLUMN tracking_code varchar(8) NOT NULL DEFAULT nextval('certificate_request_tracking_code_seq')::text`);
  await knex.raw('ALTER SEQUENCE certificate_request_tracking_code_seq OWNED BY certificate_requests.tracking_code');
  await knex.raw('CREATE UNIQUE INDEX certificate_requests_tracking_code ON certificate_requests (tracking_code)');
  await knex.schema.alterTable('certificate_requests', (t) => {
    // received | checking | approved | issued | rejected | revoked: what the applicant's status page reads.
    t.string('status', 16).notNullable().defaultTo('received');
    t.string('applicant_national_code', 10);
    t.string('applicant_first_name', 50);
    t.string('applicant_last_name', 50);
    t.string('applicant_mobile', 11);
    t.binary('csr_der');
    t.string('csr_subject', 600);
    t.string('csr_key', 32);
    t.string('filed_by', 64);
    t.string('decided_by', 64);
    t.timestamp('decided_at', { useTz: true });
    t.string('rejection_reason', 40);
    t.smallint('revocation_reason');
    t.text('issued_chain_pem');
    t.timestamp('certificate_downloaded_at', { useTz: true });
    t.timestamp('closed_at', { useTz: true });
    t.timestamp('documents_purged_at', { useTz: true });
  });
  await knex.raw(
    `alter table certificate_requests add constraint certificate_requests_status_check
       check (status in ('received', 'checking', 'approved', 'issued', 'rejected', 'revoked'))`,
  );
  await knex.schema.createTable('certificate_request_documents', (t) => {
    t.uuid('id').primary();
    t.uuid('request_id').notNullable().references('certificate_requests.id').onDelete('CASCADE');
    t.string('kind', 32).notNullable();
    t.string('file_name', 200);
    t.string('mime_type', 32).notNullable();
    t.binary('content').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['request_id']);
  });
  await knex.raw(
    `create index certificate_requests_documents_due on certificate_requests (closed_at) where documents_purged_at is null`,
  );
  // One revocation or renewal of a certificate at a time: two clerks clicking at once get one request, not two.
  await knex.raw(
    `create unique index certificate_requests_one_open_change on certificate_requests (target_serial)
       where target_serial is not null and status in ('received', 'checking', 'approved')`,
  );
}

/** Refused while an ra-clerk is on the staff: the narrower check would not hold. */
export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists certificate_requests_one_open_change');
  await knex.raw('drop index if exists certificate_requests_documents_due');
  await knex.schema.dropTable('certificate_request_documents');
  await knex.raw('alter table certificate_requests drop constraint certificate_requests_status_check');
  await knex.schema.alterTable('certificate_requests', (t) => {
    for (const c of [
      'status',
      'applicant_national_code',
      'applicant_first_name',
      'applicant_last_name',
      'applicant_mobile',
      'csr_der',
      'csr_subject',
      'csr_key',
      'filed_by',
      'decided_by',
      'decided_at',
      'rejection_reason',
      'revocation_reason',
      'issued_chain_pem',
      'certificate_downloaded_at',
      'closed_at',
      'documents_purged_at',
    ])
      t.dropColumn(c);
  });
  await knex.raw('ALTER TABLE certificate_requests DROP COLUMN tracking_code');
  await knex.raw('DROP SEQUENCE IF EXISTS certificate_request_tracking_code_seq');
  await knex.raw('alter table staff drop constraint staff_role_check');
  await knex.raw(
    `alter table staff add constraint staff_role_check check (role in ('reviewer', 'supervisor', 'process-owner', 'admin'))`,
  );
}
