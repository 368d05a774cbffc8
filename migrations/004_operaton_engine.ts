import type { Knex } from 'knex';

/**
 * The move to Operaton: the engine keeps user tasks and incidents itself (Tasklist, Cockpit), so the
 * home-made inbox and incident tables go; what was keyed on the old engine's numeric keys is keyed on the
 * engine's ids (UUID-shaped strings, longer than the old 32 characters).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('user_tasks');
  await knex.schema.dropTableIfExists('incidents');
  await knex.schema.alterTable('registrations', (t) => {
    t.renameColumn('process_instance_key', 'process_instance_id');
  });
  await knex.schema.alterTable('registrations', (t) => {
    t.string('process_instance_id', 64).alter();
  });
  for (const table of ['inquiries', 'one_time_codes']) {
    await knex.schema.alterTable(table, (t) => t.renameColumn('job_key', 'task_id'));
    await knex.schema.alterTable(table, (t) => t.string('task_id', 64).notNullable().alter());
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['inquiries', 'one_time_codes']) {
    await knex.schema.alterTable(table, (t) => t.renameColumn('task_id', 'job_key'));
  }
  await knex.schema.alterTable('registrations', (t) => t.renameColumn('process_instance_id', 'process_instance_key'));
  // The old tables come back empty: what they held lives in the engine now.
  await knex.schema.createTable('user_tasks', (t) => {
    t.string('job_key', 64).primary();
    t.string('process_instance_key', 64).notNullable().index();
    t.string('element_id', 64).notNullable();
    t.uuid('registration_id').index();
    t.string('candidate_groups', 200);
    t.string('form_key', 200);
    t.string('state', 16).notNullable().defaultTo('open');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('ended_at', { useTz: true });
    t.index(['element_id', 'state', 'created_at'], 'user_tasks_queue_index');
  });
  await knex.schema.createTable('incidents', (t) => {
    t.bigIncrements('id');
    t.string('job_key', 64).notNullable().unique();
    t.string('process_instance_key', 64).notNullable().index();
    t.string('element_id', 64).notNullable();
    t.string('element_instance_key', 64).notNullable();
    t.string('task_type', 64).notNullable();
    t.uuid('registration_id');
    t.string('error_code', 32).notNullable();
    t.string('state', 16).notNullable().defaultTo('open');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('resolved_at', { useTz: true });
  });
}
