import { Type } from '@sinclair/typebox';
import { createAuditRepo } from '../db/audit-repo.js';
import { createOneTimeCodesRepo } from '../db/one-time-codes-repo.js';
import { createRegistrationsRepo } from '../db/registrations-repo.js';
import { evaluateOtpHashAttempt } from '../domain/one-time-code.js';
import { defineWorker } from './support/define-worker.js';
import { WorkerError } from './support/worker-error.js';

const Output = Type.Object({ otpOutcome: Type.Union([Type.Literal('accepted'), Type.Literal('wrong'), Type.Literal('exhausted')]), otpWrongCount: Type.Integer() });
export type OtpOutcome = 'accepted' | 'wrong' | 'exhausted';
type Out = { otpOutcome: OtpOutcome; otpWrongCount: number };

/**
 * Card steps 9-3 and 9-4. Wrong entries are counted per round, across codes (a new code does not
 * reset the count); the round's last allowed wrong entry sends the applicant back to step 3.
 */
export const otpCheckWorker = defineWorker({
  topic: 'otp-check',
  input: Type.Object({ registrationId: Type.String(), otpEntryId: Type.String() }),
  output: Output,
  async handle(task, { db, config, now }) {
    const { registrationId, otpEntryId } = task.variables;
    const registrations = createRegistrationsRepo(db);
    const codes = createOneTimeCodesRepo(db);
    return db.transaction(async (trx): Promise<Out> => {
      const registration = await registrations.getForUpdate(registrationId, trx);
      const entry = await trx('otp_entries').where({ id: otpEntryId, registration_id: registrationId }).first();
      if (!registration || !entry) throw new WorkerError(WorkerError.OTP_ENTRY_NOT_FOUND, 'code entry not found', false);
      if (entry.outcome) return { otpOutcome: entry.outcome as OtpOutcome, otpWrongCount: registration.otp_wrong_count };

      const code = await codes.current(registrationId, trx);
      if (!code) throw new WorkerError(WorkerError.NO_OPEN_CODE, 'no code was issued', false);
      const decision = evaluateOtpHashAttempt({
        storedHash: code.code_hash, expiresAt: new Date(code.expires_at), consumedAt: code.consumed_at,
        attempts: registration.otp_wrong_count, maxAttempts: config.OTP_MAX_WRONG,
      }, entry.code_hash, now());

      let otpOutcome: OtpOutcome;
      let wrongCount = registration.otp_wrong_count;
      if (decision === 'accepted') {
        otpOutcome = 'accepted';
        await codes.markConsumed(code.id, now(), trx);
        await registrations.update(registrationId, { return_reason: null, otp_wrong_count: 0 }, trx);
        // Step 10 is next: the request waits for the reviewers from now.
        await registrations.setStatus(registrationId, 'under-review', { verified_at: now(), review_started_at: now() }, trx);
      } else {
        wrongCount = decision === 'exhausted' ? config.OTP_MAX_WRONG : wrongCount + 1;
        otpOutcome = wrongCount >= config.OTP_MAX_WRONG ? 'exhausted' : 'wrong';
        const reason = otpOutcome === 'exhausted' ? 'otp_exhausted' : decision === 'expired' ? 'otp_expired' : 'otp_invalid';
        // Back at step 3 a new round begins, with a fresh count.
        const patch = { return_reason: reason, otp_wrong_count: otpOutcome === 'exhausted' ? 0 : wrongCount };
        if (otpOutcome === 'exhausted') await registrations.setStatus(registrationId, 'applicant-data', patch, trx);
        else await registrations.update(registrationId, patch, trx);
      }
      await trx('otp_entries').where({ id: otpEntryId }).update({ outcome: otpOutcome });
      await createAuditRepo(db).record({ registrationId, actor: 'worker:otp-check', action: 'otp_checked', detail: { outcome: otpOutcome, decision, wrongCount } }, trx);
      return { otpOutcome, otpWrongCount: wrongCount };
    });
  },
});
