import { createApplicantDataRepo, type StoredApplicantData } from '../../db/applicant-data-repo.js';
import { createAuditRepo } from '../../db/audit-repo.js';
import { createRegistrationsRepo } from '../../db/registrations-repo.js';
import type { Db } from '../../db/knex.js';
import { WorkerError } from './worker-error.js';

export type InquiryOutcome = 'match' | 'no_match' | 'deceased';
type Service = 'civil-registry' | 'shahkar';

/**
 * One PGSB inquiry, at most once per job: the answer is stored under the job key, so a job that
 * Zeebe delivers again (its completion was lost) returns the stored answer without a second call.
 * The bus message id is derived from the job key too, so a retried call is recognisable at PGSB.
 */
export async function runInquiry(
  db: Db,
  job: { key: string; variables: { registrationId: string } },
  service: Service,
  ask: (data: StoredApplicantData, messageId: string) => Promise<InquiryOutcome>,
  mismatchReason: (o: InquiryOutcome) => string,
): Promise<InquiryOutcome> {
  const { registrationId } = job.variables;
  const done = await db('inquiries').where({ job_key: job.key }).first();
  if (done) return done.outcome as InquiryOutcome;
  const data = await createApplicantDataRepo(db).get(registrationId);
  if (!data) throw new WorkerError(WorkerError.APPLICANT_DATA_MISSING, 'no applicant data for the registration', false);
  const messageId = `payam-${job.key}`;
  const outcome = await ask(data, messageId);
  await db.transaction(async (trx) => {
    await trx('inquiries').insert({ registration_id: registrationId, service, job_key: job.key, message_id: messageId, outcome })
      .onConflict('job_key').ignore();
    if (outcome !== 'match') {
      await createRegistrationsRepo(db).update(registrationId, { return_reason: mismatchReason(outcome) }, trx);
    }
    await createAuditRepo(db).record({ registrationId, actor: `worker:${service}-inquiry`, action: 'inquiry_answered', detail: { service, outcome, messageId } }, trx);
  });
  return outcome;
}
