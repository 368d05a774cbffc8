import type { Knex } from 'knex';

/**
 * A short tracking code per registration, which the applicant reads on the form's pages and quotes to the
 * office, and which reviewers find the request by (Tasklist, the reviewers' page). The id stays a UUID;
 * a UUID is 36 characters no one reads over the phone. Seven digits from a sequence: unique without a
 * retry, readable, and the same length for the first nine million requests. Not a secret: knowing it
 * opens nothing (the applicant's pages need their token, the reviewers' page a staff login).
 * Existing rows get theirs as the column is added (the default is evaluated per row).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE SEQUENCE registration_tracking_code_seq START WITH 1000001 MAXVALUE 9999999');
  await knex.raw(`ALTER TABLE registrations
    ADD COLUMN tracking_code varchar(7) NOT NULL DEFAULT nextval('registration_tracking_code_seq')::text`);
  await knex.raw('ALTER SEQUENCE registration_tracking_code_seq OWNED BY registrations.tracking_code');
  await knex.raw('CREATE UNIQUE INDEX registrations_tracking_code ON registrations (tracking_code)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE registrations DROP COLUMN tracking_code');
  await knex.raw('DROP SEQUENCE IF EXISTS registration_tracking_code_seq');
}
