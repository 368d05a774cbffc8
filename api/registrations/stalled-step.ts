import type { ProcessEngine } from '../../adapters/engine/process-engine.js';
import { USER_TASKS } from '../../adapters/engine/process-model.js';
import { createAuditRepo } from '../../db/audit-repo.js';
import type { Db } from '../../db/knex.js';
import { createRegistrationsRepo, type RegistrationRow } from '../../db/registrations-repo.js';

/**
 * How long "verifying" may stand while the engine still waits for the applicant before the step counts as
 * never handed over. A live API completes the task within one engine call after writing "verifying" (and
 * takes the step back itself if the call fails), so two minutes is far beyond any answer it still waits for.
 */
const STALLED_AFTER_MS = 120_000;

/**
 * A step the API recorded but the engine never took: the API stopped (killed, crashed, redeployed) between
 * writing "verifying" and completing the applicant's task, so the take-back it would have done never ran.
 * The registration then said "verifying" while the engine waited at step 3 (or 9-2), and every later
 * submit was a 409 until the time limit closed the request. Recovering does what the live API's take-back
 * does: the submission or code entry nobody will check goes, and the request is at the step the engine
 * waits in, so the applicant simply submits again.
 */
export function createStalledStepRecovery(db: Db, engine: ProcessEngine) {
  const registrations = createRegistrationsRepo(db);
  const audit = createAuditRepo(db);
  return async function recoverStalledStep(reg: RegistrationRow): Promise<RegistrationRow> {
    if (reg.status !== 'verifying' || Date.now() - new Date(reg.updated_at).getTime() < STALLED_AFTER_MS) return reg;
    const [open] = await engine.openTasks(reg.id, [USER_TASKS.applicantData, USER_TASKS.enterOtp]);
    if (!open) return reg;
    const step = open.taskDefinitionKey === USER_TASKS.enterOtp ? 'otp' : 'applicant-data';
    await db.transaction(async (trx) => {
      // Judged again in the database, under the row's lock: a worker or a second request may have moved it on.
      const taken = await trx('registrations')
        .where({ id: reg.id, status: 'verifying' })
        .whereRaw('updated_at < now() - make_interval(secs => ?)', [STALLED_AFTER_MS / 1000])
        .update({ status: step, updated_at: trx.fn.now() });
      if (!taken) return;
      const unchecked =
        step === 'otp'
          ? await trx('otp_entries').where({ registration_id: reg.id }).whereNull('outcome').delete()
          : await trx('submissions').where({ registration_id: reg.id }).whereNull('captcha_outcome').delete();
      await audit.record(
        { registrationId: reg.id, actor: 'api', action: 'stalled_step_taken_back', detail: { step, unchecked } },
        trx,
      );
    });
    return (await registrations.get(reg.id)) ?? reg;
  };
}
