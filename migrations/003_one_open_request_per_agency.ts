import type { Knex } from 'knex';

/**
 * One open request per agency, held by the database: the check before the write alone lets two
 * requests saved at the same moment both stay open. Closed requests (closed_at set) do not count.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    'create unique index registrations_one_open_per_agency on registrations (agency_national_id) where closed_at is null',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists registrations_one_open_per_agency');
}
