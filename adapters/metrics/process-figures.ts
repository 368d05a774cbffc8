import { Gauge, type Registry } from 'prom-client';
import type { Db } from '../../db/knex.js';
import { incidentSystem } from '../../domain/incident-codes.js';

/** A table's rows (those matching `where`) counted by one column, as `{ key, n }`. */
async function countBy(
  db: Db,
  table: string,
  column: string,
  where: Record<string, string> = {},
): Promise<{ key: string; n: string | number }[]> {
  return db(table).where(where).select({ key: column }).count({ n: '*' }).groupBy(column);
}

/**
 * The process's own figures, read when Prometheus scrapes (a few grouped counts, no personal data): the
 * registrations in each state, the notices not yet delivered by channel, the engine's open incidents by
 * system and activity (the card step where the registrations wait).
 */
export function registerProcessFigures(
  registry: Registry,
  db: Db,
  engine: { openIncidents(): Promise<{ activityId: string; message: string }[]> },
) {
  new Gauge({
    name: 'payam_registrations',
    help: 'Registrations by state (applicant-data, verifying, otp, under-review, registered, rejected, expired)',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await countBy(db, 'registrations', 'status');
      for (const r of rows) this.set({ state: r.key }, Number(r.n));
    },
  });
  new Gauge({
    name: 'payam_notices_undelivered',
    help: 'Notices (SMS, e-mail) in the outbox not delivered yet, by channel',
    labelNames: ['channel'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const channel of ['sms', 'email']) this.set({ channel }, 0);
      const rows = await countBy(db, 'notifications', 'channel', { status: 'queued' });
      for (const r of rows) this.set({ channel: r.key }, Number(r.n));
    },
  });
  new Gauge({
    name: 'payam_incidents_open',
    help: "The engine's open incidents by failing system and activity (card step)",
    labelNames: ['system', 'activity'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const i of await engine.openIncidents())
        this.inc({ system: incidentSystem(i.message), activity: i.activityId });
    },
  });
}
