import type { Knex } from 'knex';

/** Process owners become staff too (engine group process-owners: Cockpit and deployments), so the role check admits them. */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table staff drop constraint staff_role_check');
  await knex.raw(
    `alter table staff add constraint staff_role_check check (role in ('reviewer', 'supervisor', 'process-owner', 'admin'))`,
  );
}

/** Refused while a process owner is on the staff: the narrower check would not hold, and deleting people is not a migration's call. */
export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table staff drop constraint staff_role_check');
  await knex.raw(
    `alter table staff add constraint staff_role_check check (role in ('reviewer', 'supervisor', 'admin'))`,
  );
}
