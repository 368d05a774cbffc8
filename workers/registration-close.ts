import { Type } from '@sinclair/typebox';
import { createAuditRepo } from '../db/audit-repo.js';
import { createRegistrationsRepo, type RegistrationStatus } from '../db/registrations-repo.js';
import { defineWorker } from './support/define-worker.js';
import { WorkerError } from './support/worker-error.js';
import { TOPICS } from '../adapters/engine/process-model.js';

const OUTCOMES: RegistrationStatus[] = ['registered', 'rejected', 'expired'];

/** Records how the instance ended (the card's output states), for the applicant's view and the reports. */
export const registrationCloseWorker = defineWorker({
  topic: TOPICS.registrationClose,
  input: Type.Object({ registrationId: Type.String() }),
  output: Type.Object({ outcome: Type.String() }),
  async handle(task, { db, now }) {
    const { registrationId } = task.variables;
    const outcome = task.properties.outcome as RegistrationStatus;
    if (!OUTCOMES.includes(outcome)) throw new WorkerError('UNKNOWN_OUTCOME', `unknown outcome ${outcome}`, false);
    await db.transaction(async (trx) => {
      const registrations = createRegistrationsRepo(db);
      const closed = await registrations.setStatus(registrationId, outcome, { outcome, closed_at: now() }, trx);
      if (outcome === 'expired') await registrations.update(registrationId, { outcome_reason: 'expired' }, trx);
      if (closed)
        await createAuditRepo(db).record(
          { registrationId, actor: 'worker:registration-close', action: 'registration_closed', detail: { outcome } },
          trx,
        );
    });
    return { outcome };
  },
});
