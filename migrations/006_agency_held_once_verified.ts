import type { Knex } from 'knex';

/**
 * An agency is held by a request only once its representative is verified (civil registry, Shahkar
 * and the one-time code): before that, anyone could reserve any agency by naming it at step 3. The
 * index now holds one verified open request per agency; the otp-check worker sends a later one back.
 *
 * Also the reviewer's free-text reason for a rejection "other": kept here, never in the engine, whose
 * history would record it. Bounded as the API bounds it (domain/review-decision.ts, 300 characters).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists registrations_one_open_per_agency');
  await knex.raw(
    'create unique index registrations_one_verified_per_agency on registrations (agency_national_id) where closed_at is null and verified_at is not null',
  );
  await knex.schema.alterTable('registrations', (t) => {
    t.string('rejection_text', 300);
  });
}

/** Refused while two open requests name the same agency: 003's index would not hold, and closing requests is not a migration's call. */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('registrations', (t) => {
    t.dropColumn('rejection_text');
  });
  await knex.raw('drop index if exists registrations_one_verified_per_agency');
  await knex.raw(
    'create unique index registrations_one_open_per_agency on registrations (agency_national_id) where closed_at is null',
  );
}
