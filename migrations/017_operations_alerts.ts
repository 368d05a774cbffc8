import type { Knex } from 'knex';

/**
 * Issue 24, alerts the IT office receives: e-mails about the engine's incidents and the reviewers' daily digest go
 * through the notice outbox like every notice, so none is lost or sent twice. Such a notice belongs to no
 * registration; it names an `operations_alerts` row instead, whose `facts` (ids, counts, the system, the card step,
 * links: never personal data) the e-mail is written from at delivery.
 *
 * `incident_alert_state` is the incident watcher's memory, one row per outside system: whether an alert is out
 * for it and when the last one went, so a restart of the watcher neither repeats an alert nor forgets an all-clear.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('operations_alerts', (t) => {
    t.uuid('id').primary();
    t.string('kind', 24).notNullable(); // incident | all-clear | reviews-overdue
    t.string('system', 16); // pgsb | sms | ca | mail | other (incidents); null for the reviews' digest
    t.jsonb('facts').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(
    `alter table operations_alerts add constraint operations_alerts_kind_check check (kind in ('incident', 'all-clear', 'reviews-overdue'))`,
  );
  await knex.schema.createTable('incident_alert_state', (t) => {
    t.string('system', 16).primary();
    t.boolean('alerting').notNullable().defaultTo(false);
    t.timestamp('last_alert_at', { useTz: true });
    // The newest incident the last alert counted: a further alert needs a newer one (and the hour gone by).
    t.timestamp('last_incident_at', { useTz: true });
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.schema.alterTable('notifications', (t) => {
    t.setNullable('registration_id');
    t.uuid('alert_id').references('operations_alerts.id').onDelete('CASCADE').index();
  });
  await knex.raw(
    `alter table notifications add constraint notifications_subject_check check ((registration_id is null) <> (alert_id is null))`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table notifications drop constraint notifications_subject_check');
  await knex('notifications').whereNull('registration_id').delete();
  await knex.schema.alterTable('notifications', (t) => {
    t.dropColumn('alert_id');
    t.dropNullable('registration_id');
  });
  await knex.schema.dropTable('incident_alert_state');
  await knex.schema.dropTable('operations_alerts');
}
