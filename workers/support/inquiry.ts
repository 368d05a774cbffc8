import { Type } from '@sinclair/typebox';
import { createApplicantDataRepo, type StoredApplicantData } from '../../db/applicant-data-repo.js';
import { createAuditRepo } from '../../db/audit-repo.js';
import { createRegistrationsRepo } from '../../db/registrations-repo.js';
import type { Db } from '../../db/knex.js';
import { WorkerError } from './worker-error.js';

export const InquiryOutcomeSchema = Type.Union([
  Type.Literal('match'),
  Type.Literal('no_match'),
  Type.Literal('deceased'),
]);
export type InquiryOutcome = 'match' | 'no_match' | 'deceased';
type Service = 'civil-registry' | 'shahkar';

/**
 * One PGSB inquiry, at most once per external task: the answer is stored under the task id, so a task
 * delivered again (its completion was lost) returns the stored answer without a second call. The bus
 * message id is derived from the task id too, so a retried call is recognisable at PGSB.
 */
export async function runInquiry(
  db: Db,
  task: { id: string; variables: { registrationId: string } },
  service: Service,
  ask: (data: StoredApplicantData, messageId: string) => Promise<InquiryOutcome>,
  mismatchReason: (o: InquiryOutcome) => string,
): Promise<InquiryOutcome> {
  const { registrationId } = task.variables;
  const done = await db('inquiries').where({ task_id: task.id }).first();
  if (done) return done.outcome as InquiryOutcome;
  const data = await createApplicantDataRepo(db).get(registrationId);
  if (!data) throw new WorkerError(WorkerError.APPLICANT_DATA_MISSING, 'no applicant data for the registration', false);
  const messageId = `payam-${task.id}`;
  const outcome = await ask(data, messageId);
  await db.transaction(async (trx) => {
    await trx('inquiries')
      .insert({ registration_id: registrationId, service, task_id: task.id, message_id: messageId, outcome })
      .onConflict('task_id')
      .ignore();
    if (outcome !== 'match') {
      // Back to step 3 (7-3, 8-3): the applicant sees why.
      await createRegistrationsRepo(db).setStatus(
        registrationId,
        'applicant-data',
        { return_reason: mismatchReason(outcome) },
        trx,
      );
    }
    await createAuditRepo(db).record(
      {
        registrationId,
        actor: `worker:${service}-inquiry`,
        action: 'inquiry_answered',
        detail: { service, outcome, messageId },
      },
      trx,
    );
  });
  return outcome;
}
