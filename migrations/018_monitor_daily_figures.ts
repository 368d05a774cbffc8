import type { Knex } from 'knex';

/**
 * Issue 22, the office's process monitor: each Tehran day's figures per model element and per sequence flow,
 * rolled up from the engine's history while it still has it (RETENTION_UNSUCCESSFUL, 90 days), so a year's view
 * works after the raw history is gone. Durations are kept as mergeable digests (domain/monitor/duration-digest.ts:
 * counts in 2 % log buckets), from which a period's median and 90th percentile are read. Ids and counts only.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('monitor_daily_elements', (t) => {
    t.date('day').notNullable();
    t.string('process_key', 255).notNullable();
    t.string('definition_id', 64).notNullable();
    t.integer('version').notNullable();
    t.string('element_id', 255).notNullable();
    // Visits that ended that day (a loop back to step 3 visits step 3 again), and the instances they belong to.
    t.integer('passes').notNullable();
    t.integer('instances').notNullable();
    t.jsonb('duration_digest').notNullable();
    t.primary(['day', 'definition_id', 'element_id']);
  });
  await knex.raw('CREATE INDEX monitor_daily_elements_key_day ON monitor_daily_elements (process_key, day)');
  await knex.schema.createTable('monitor_daily_flows', (t) => {
    t.date('day').notNullable();
    t.string('process_key', 255).notNullable();
    t.string('definition_id', 64).notNullable();
    t.integer('version').notNullable();
    t.string('flow_id', 255).notNullable();
    t.integer('taken').notNullable();
    t.primary(['day', 'definition_id', 'flow_id']);
  });
  await knex.raw('CREATE INDEX monitor_daily_flows_key_day ON monitor_daily_flows (process_key, day)');
  // A day is rolled up once it is over; a day with nothing in it is recorded too, so it is not read again.
  await knex.schema.createTable('monitor_rolled_days', (t) => {
    t.date('day').primary();
    t.timestamp('rolled_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('monitor_rolled_days');
  await knex.schema.dropTable('monitor_daily_flows');
  await knex.schema.dropTable('monitor_daily_elements');
}
