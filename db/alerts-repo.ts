import { randomUUID } from 'node:crypto';
import type { IncidentSystem } from '../domain/incident-system.js';
import type { AlertFacts } from '../domain/alert-texts.js';
import type { Db, Tx } from './knex.js';

export interface AlertStateRow {
  system: IncidentSystem;
  alerting: boolean;
  last_alert_at: Date | null;
  last_incident_at: Date | null;
}

export interface AlertRow {
  id: string;
  kind: AlertFacts['kind'];
  system: IncidentSystem | null;
  facts: AlertFacts;
  created_at: Date;
}

/** The incident watcher's memory per system, and the alerts the outbox's notices carry. */
export function createAlertsRepo(db: Db) {
  return {
    /**
     * One system's state, locked until the transaction ends: two watcher runs at once (two workers processes,
     * a run that outlasted its interval) decide one after the other, so neither sends what the other did.
     */
    async lockState(system: IncidentSystem, trx: Tx): Promise<AlertStateRow> {
      await trx('incident_alert_state').insert({ system }).onConflict('system').ignore();
      return trx<AlertStateRow>('incident_alert_state').where({ system }).forUpdate().first() as Promise<AlertStateRow>;
    },
    async setState(system: IncidentSystem, patch: Partial<Omit<AlertStateRow, 'system'>>, trx: Tx) {
      await trx('incident_alert_state')
        .where({ system })
        .update({ ...patch, updated_at: trx.fn.now() });
    },
    /** The systems an alert is out for (an all-clear is owed once their incidents are gone). */
    alertingSystems: async (trx?: Tx): Promise<IncidentSystem[]> =>
      (trx ?? db)('incident_alert_state').where({ alerting: true }).pluck('system'),
    async create(facts: AlertFacts, trx: Tx): Promise<string> {
      const id = randomUUID();
      await trx('operations_alerts').insert({
        id,
        kind: facts.kind,
        system: 'system' in facts ? facts.system : null,
        facts: JSON.stringify(facts),
      });
      return id;
    },
    get: (id: string, trx?: Tx) => (trx ?? db)<AlertRow>('operations_alerts').where({ id }).first(),
  };
}
