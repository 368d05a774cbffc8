import type { Knex } from 'knex';

/** The card's process: registrations, the data the applicant entered, and what the process did with it. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('registrations', (t) => {
    t.uuid('id').primary();
    // Not unique: keys are unique only within one broker cluster's lifetime, and a rebuilt cluster starts over.
    t.string('process_instance_key', 32).index();
    t.string('status', 32).notNullable().defaultTo('applicant-data'); // applicant-data|verifying|otp|under-review|registered|rejected|expired
    t.string('return_reason', 64); // message id shown when the process returns to step 3
    t.string('access_token_hash', 64).notNullable();
    t.string('agency_national_id', 11).index();
    t.integer('otp_wrong_count').notNullable().defaultTo(0);
    t.string('outcome', 32); // registered|rejected|expired, with the reason code of an unsuccessful end
    t.string('outcome_reason', 64);
    t.timestamp('submitted_at', { useTz: true });
    t.timestamp('verified_at', { useTz: true });
    t.timestamp('review_started_at', { useTz: true });
    t.timestamp('decided_at', { useTz: true });
    t.timestamp('closed_at', { useTz: true });
    t.timestamps(true, true);
  });
  await knex.schema.createTable('applicant_data', (t) => {
    t.uuid('registration_id').primary().references('registrations.id').onDelete('CASCADE');
    t.string('national_code', 10).notNullable();
    t.string('mobile', 11).notNullable();
    t.string('first_name', 50).notNullable();
    t.string('last_name', 50).notNullable();
    t.string('father_name', 50).notNullable();
    t.string('birth_certificate_number', 10).notNullable();
    t.string('birth_date', 10).notNullable(); // Jalali YYYY/MM/DD, as the civil registry takes it
    t.date('birth_date_gregorian').notNullable();
    t.string('email', 254).notNullable();
    t.string('agency_name', 200).notNullable();
    t.string('agency_national_id', 11).notNullable();
    t.string('representative_position', 100).notNullable();
    t.text('password_hash'); // argon2id, set at step 4
    t.timestamps(true, true);
  });
  await knex.schema.createTable('letters', (t) => {
    t.uuid('registration_id').primary().references('registrations.id').onDelete('CASCADE');
    t.binary('content').notNullable();
    t.string('sha256', 64).notNullable();
    t.string('mime_type', 64).notNullable();
    t.integer('size_bytes').notNullable();
    t.string('file_name', 255);
    t.timestamp('uploaded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.schema.createTable('captchas', (t) => {
    t.uuid('id').primary();
    t.string('answer_hash', 64).notNullable();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('consumed_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  // One row per completion of the applicant task: what was submitted, and what step 6 decided about it.
  await knex.schema.createTable('submissions', (t) => {
    t.uuid('id').primary();
    t.uuid('registration_id').notNullable().references('registrations.id').onDelete('CASCADE').index();
    t.uuid('captcha_id').notNullable();
    t.string('captcha_answer_hash', 64).notNullable();
    t.string('captcha_outcome', 16); // valid|invalid|expired
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.schema.createTable('inquiries', (t) => {
    t.bigIncrements('id');
    t.uuid('registration_id').notNullable().references('registrations.id').onDelete('CASCADE').index();
    t.string('service', 32).notNullable(); // civil-registry|shahkar
    t.string('job_key', 32).notNullable().unique();
    t.string('message_id', 64).notNullable();
    t.string('outcome', 16).notNullable(); // match|no_match|deceased
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.schema.createTable('one_time_codes', (t) => {
    t.uuid('id').primary();
    t.uuid('registration_id').notNullable().references('registrations.id').onDelete('CASCADE').index();
    t.string('job_key', 32).notNullable().unique();
    t.string('code_hash', 64).notNullable();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('sent_at', { useTz: true });
    t.timestamp('consumed_at', { useTz: true });
    t.timestamp('superseded_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.schema.createTable('otp_entries', (t) => {
    t.uuid('id').primary();
    t.uuid('registration_id').notNullable().references('registrations.id').onDelete('CASCADE').index();
    t.string('code_hash', 64).notNullable();
    t.string('outcome', 16); // accepted|wrong|expired|exhausted
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.schema.createTable('user_tasks', (t) => {
    t.string('job_key', 32).primary();
    t.string('process_instance_key', 32).notNullable().index();
    t.string('element_id', 64).notNullable();
    t.uuid('registration_id').index();
    t.string('candidate_groups', 200);
    t.string('form_key', 200);
    t.string('state', 16).notNullable().defaultTo('open'); // open|completed|canceled
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('ended_at', { useTz: true });
  });
  await knex.schema.createTable('accounts', (t) => {
    t.uuid('id').primary();
    t.uuid('registration_id').notNullable().unique().references('registrations.id');
    t.string('username', 32).notNullable().unique();
    t.text('password_hash').notNullable();
    t.string('agency_national_id', 11).notNullable();
    t.string('status', 16).notNullable().defaultTo('active');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(
    `create unique index accounts_one_active_per_agency on accounts (agency_national_id) where status = 'active'`,
  );
  await knex.schema.createTable('notifications', (t) => {
    t.uuid('id').primary();
    t.uuid('registration_id').notNullable().references('registrations.id').onDelete('CASCADE').index();
    t.string('channel', 8).notNullable(); // sms|email
    t.string('template', 32).notNullable();
    t.string('idempotency_key', 128).notNullable().unique();
    t.string('status', 16).notNullable().defaultTo('queued'); // queued|sent|failed
    t.string('provider_message_id', 128);
    t.integer('attempts').notNullable().defaultTo(0);
    t.string('last_error_code', 32);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('sent_at', { useTz: true });
  });
  // Technical failures that ran out of retries: the incident the engine raised, with what is needed to resume it.
  await knex.schema.createTable('incidents', (t) => {
    t.bigIncrements('id');
    t.string('job_key', 32).notNullable().unique();
    t.string('process_instance_key', 32).notNullable().index();
    t.string('element_id', 64).notNullable();
    t.string('element_instance_key', 32).notNullable();
    t.string('task_type', 64).notNullable();
    t.uuid('registration_id');
    t.string('error_code', 32).notNullable();
    t.string('state', 16).notNullable().defaultTo('open'); // open|resolved
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('resolved_at', { useTz: true });
  });
  await knex.schema.createTable('audit_log', (t) => {
    t.bigIncrements('id');
    t.uuid('registration_id').index();
    t.string('actor', 64).notNullable(); // applicant|system|worker:<task type>|staff:<username>
    t.string('action', 64).notNullable();
    t.jsonb('detail').notNullable().defaultTo('{}'); // ids and codes only, never personal data
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'audit_log',
    'incidents',
    'notifications',
    'accounts',
    'user_tasks',
    'otp_entries',
    'one_time_codes',
    'inquiries',
    'submissions',
    'captchas',
    'letters',
    'applicant_data',
    'registrations',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}
