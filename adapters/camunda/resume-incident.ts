import { createAuditRepo } from '../../db/audit-repo.js';
import { createIncidentsRepo } from '../../db/incidents-repo.js';
import type { Db } from '../../db/knex.js';
import type { ZeebeClient } from './camunda-client.js';

export class IncidentNotOpenError extends Error {
  static readonly code = 'INCIDENT_NOT_OPEN';
  readonly code = IncidentNotOpenError.code;
  override name = IncidentNotOpenError.name;
}

/**
 * Resumes an instance stopped by an incident, once its cause is mended (PGSB back, say): the failed
 * task is ended and started afresh, with a new job and full retries. Zeebe alone cannot be asked for
 * the incident's key (that needs Operate's store), so the task is restarted by process-instance
 * modification, which also clears the incident. Where Operate runs, its "retry" does the same.
 */
export async function resumeIncident(db: Db, zeebe: ZeebeClient, id: string | number, actor = 'operator') {
  const incidents = createIncidentsRepo(db);
  const incident = await incidents.get(id);
  if (!incident || incident.state !== 'open') throw new IncidentNotOpenError(`incident ${id} is not open`);
  await zeebe.modifyProcessInstance({
    processInstanceKey: incident.process_instance_key,
    terminateInstructions: [{ elementInstanceKey: incident.element_instance_key }],
    activateInstructions: [{ elementId: incident.element_id, ancestorElementInstanceKey: '-1', variableInstructions: [] }],
  });
  // Once the instance is modified, the incident is gone in Zeebe: both records change together or not at all.
  await db.transaction(async (trx) => {
    await incidents.resolve(id, trx);
    await createAuditRepo(db).record({ registrationId: incident.registration_id, actor, action: 'incident_resumed', detail: { incidentId: Number(incident.id), element: incident.element_id, errorCode: incident.error_code } }, trx);
  });
  return incident;
}
