import { Type } from '@sinclair/typebox';
import { randomUUID } from 'node:crypto';
import { createApplicantDataRepo } from '../db/applicant-data-repo.js';
import { createAuditRepo } from '../db/audit-repo.js';
import { createOneTimeCodesRepo } from '../db/one-time-codes-repo.js';
import { createRegistrationsRepo } from '../db/registrations-repo.js';
import { generateOtp, hashSecret } from '../domain/one-time-code.js';
import { defineWorker } from './support/define-worker.js';
import { WorkerError } from './support/worker-error.js';
import { TOPICS } from '../adapters/engine/process-model.js';

const OTP_SMS_TEMPLATE = 'payam-otp';

/**
 * Card steps 9 and 9-1 in one task: the code exists in clear only here, between its generation and
 * the SMS, and is stored as an HMAC. A repeated task whose SMS went out does nothing; one whose SMS
 * did not go out cannot resend the lost code, so it makes a new one under the same task id.
 */
export const otpSendWorker = defineWorker({
  topic: TOPICS.otpSend,
  input: Type.Object({ registrationId: Type.String() }),
  output: Type.Object({ otpSentAt: Type.String() }),
  // Longer than the SMS gateway's timeout with room for the database on either side.
  lockDurationMs: 60_000,
  async handle(task, { db, sms, config, now }) {
    const { registrationId } = task.variables;
    const codes = createOneTimeCodesRepo(db);
    const existing = await codes.byTask(task.id);
    if (existing?.sent_at) return { otpSentAt: new Date(existing.sent_at).toISOString() };
    const data = await createApplicantDataRepo(db).get(registrationId);
    if (!data)
      throw new WorkerError(WorkerError.APPLICANT_DATA_MISSING, 'no applicant data for the registration', false);

    const code = generateOtp();
    const id = existing?.id ?? randomUUID();
    const expiresAt = new Date(now().getTime() + config.OTP_TTL_SECONDS * 1000);
    // Only the newest code counts: older ones stop working when a new one is made.
    await db.transaction((trx) =>
      codes.issue(
        { id, registrationId, taskId: task.id, codeHash: hashSecret(code, config.SECRET_PEPPER), expiresAt },
        now(),
        trx,
      ),
    );
    const { messageId } = await sms.sendTemplate(data.mobile, OTP_SMS_TEMPLATE, [code], {
      idempotencyKey: `otp-${id}-${expiresAt.getTime()}`,
    });
    const sentAt = now();
    await db.transaction(async (trx) => {
      await codes.markSent(id, sentAt, trx);
      // Step 9-2 is next: the form shows the code screen.
      await createRegistrationsRepo(db).setStatus(registrationId, 'otp', {}, trx);
    });
    await createAuditRepo(db).record({
      registrationId,
      actor: 'worker:otp-send',
      action: 'otp_sent',
      detail: { codeId: id, smsMessageId: messageId },
    });
    return { otpSentAt: sentAt.toISOString() };
  },
});
