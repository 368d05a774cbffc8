import type { Knex } from 'knex';

// Tehran's zone (domain/jalali-date.ts's IRAN_TIME_ZONE), written out: a migration does not change when the code does.
const TEHRAN = 'Asia/Tehran';
// What the report reads of a registration (db/registration-figures-repo.ts): a change to any of them changes a figure.
const FIGURE_COLUMNS = [
  'created_at',
  'status',
  'return_reason',
  'submitted_at',
  'verified_at',
  'review_started_at',
  'decided_at',
];
const dayOf = (alias: string) => `(${alias}.created_at at time zone '${TEHRAN}')::date`;
const tuple = (alias: string) => `(${FIGURE_COLUMNS.map((c) => `${alias}.${c}`).join(', ')})`;

/**
 * Issue 22, Scale: figures rolled up so that a year's view reads a few rows rather than everything.
 *
 * The supervisor's reports page: each Tehran day's figures (counts per outcome and the three phases'
 * durations as mergeable digests, domain/monitor/duration-digest.ts) rolled up once no registration that started
 * that day is open, so a year reads 365 rows instead of every registration. Counts and digests only, no ids.
 *
 * A stored day must stay what its registrations say: the triggers drop a day's row whenever a registration of that
 * day is inserted, deleted or has a column the figures read changed (a test's fixtures, a restore's repair), and the
 * page then counts that day live until the nightly job rolls it up again. The retention purge changes none of those
 * columns (purged_at, rejection_text), so a purge leaves the roll-up as it is. Inserts and deletes by statement, with
 * transition tables: one delete per statement, so the seed's COPY of 100,000 rows costs one, not 100,000.
 *
 * The office's process monitor: each Gregorian month's element figures merged from migration 018's daily rows
 * (passes and instances summed, digests merged), so a year reads about 12 months and the days at its ends instead of
 * 365 days of digests. A month's rows are exactly the sum of its daily rows: storing a day drops its month, which is
 * merged again (db/monitor-figures-repo.ts).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('registration_daily_figures', (t) => {
    t.date('day').primary();
    t.integer('started').notNullable();
    for (const outcome of ['successful', 'captcha', 'civil_registry', 'shahkar', 'otp', 'rejected', 'expired'])
      t.integer(outcome).notNullable();
    // Milliseconds per phase as [bucket, registrations, bucket, registrations, …] (PackedDigest; [] where none
    // completed the phase). json, not jsonb: kept and sent as written, which a year's page reads 1,098 of.
    for (const phase of ['applicant', 'verification', 'review']) t.json(`${phase}_digest`).notNullable();
    t.timestamp('rolled_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(`
    create function registration_daily_figures_stale() returns trigger language plpgsql as $$
    begin
      if tg_op = 'TRUNCATE' then
        delete from registration_daily_figures;
      elsif tg_op = 'INSERT' then
        delete from registration_daily_figures where day in (select ${dayOf('n')} from new_rows n);
      elsif tg_op = 'DELETE' then
        delete from registration_daily_figures where day in (select ${dayOf('o')} from old_rows o);
      else
        delete from registration_daily_figures where day in (${dayOf('old')}, ${dayOf('new')});
      end if;
      return null;
    end $$`);
  await knex.raw(`create trigger registration_daily_figures_on_insert after insert on registrations
    referencing new table as new_rows for each statement execute function registration_daily_figures_stale()`);
  await knex.raw(`create trigger registration_daily_figures_on_delete after delete on registrations
    referencing old table as old_rows for each statement execute function registration_daily_figures_stale()`);
  await knex.raw(`create trigger registration_daily_figures_on_truncate after truncate on registrations
    for each statement execute function registration_daily_figures_stale()`);
  // An update, per row and only where a column the figures read changed: the purge's update of 70,000 rows (purged_at,
  // rejection_text) fires nothing, where a statement trigger would have had to join its old and new rows.
  await knex.raw(`create trigger registration_daily_figures_on_update
    after update of ${FIGURE_COLUMNS.join(', ')} on registrations
    for each row when (${tuple('old')} is distinct from ${tuple('new')})
    execute function registration_daily_figures_stale()`);
  // The page's "open now" and the roll-up's open days, without reading every registration: the open ones are a few
  // hundred of a million. (Status changes of an open registration update this index too.)
  await knex.raw(
    "create index registrations_open on registrations (created_at) where status not in ('registered', 'rejected', 'expired')",
  );
  await knex.schema.createTable('monitor_monthly_elements', (t) => {
    // The month's first day.
    t.date('month').notNullable();
    t.string('process_key', 255).notNullable();
    t.string('definition_id', 64).notNullable();
    t.integer('version').notNullable();
    t.string('element_id', 255).notNullable();
    t.integer('passes').notNullable();
    t.integer('instances').notNullable();
    t.jsonb('duration_digest').notNullable();
    t.primary(['month', 'definition_id', 'element_id']);
  });
  await knex.raw('CREATE INDEX monitor_monthly_elements_key_month ON monitor_monthly_elements (process_key, month)');
  // A month merged, with or without rows: one whose days hold nothing is not merged again either.
  await knex.schema.createTable('monitor_rolled_months', (t) => {
    t.date('month').primary();
    t.timestamp('rolled_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('monitor_rolled_months');
  await knex.schema.dropTable('monitor_monthly_elements');
  await knex.raw('drop index if exists registrations_open');
  for (const event of ['insert', 'update', 'delete', 'truncate'])
    await knex.raw(`drop trigger if exists registration_daily_figures_on_${event} on registrations`);
  await knex.raw('drop function if exists registration_daily_figures_stale()');
  await knex.schema.dropTable('registration_daily_figures');
}
