import { Type } from '@sinclair/typebox';
import { randomUUID } from 'node:crypto';
import { createApplicantDataRepo } from '../db/applicant-data-repo.js';
import { createAuditRepo } from '../db/audit-repo.js';
import { createNotificationsRepo } from '../db/notifications-repo.js';
import { createOneTimeCodesRepo } from '../db/one-time-codes-repo.js';
import { createRegistrationsRepo } from '../db/registrations-repo.js';
import { deriveOtp, hashSecret } from '../domain/one-time-code.js';
import { defineWorker } from './support/define-worker.js';
import { WorkerError } from './support/worker-error.js';
import { TOPICS } from '../adapters/engine/process-model.js';

/**
 * Card steps 9 and 9-1: a new code, stored as an HMAC, and its SMS put in the notice outbox in the same
 * transaction, so the code goes out once, through the same delivery, retries and sweeper as every other
 * notice, whatever fails (the gateway, Redis, PostgreSQL, this process). The outbox row names the code; its
 * digits are derived again from the code's id at delivery, so no table, log or engine variable holds them.
 * A repeated task finds its code by the task id and only offers its notice to the queue again.
 */
export const otpSendWorker = defineWorker({
  topic: TOPICS.otpSend,
  input: Type.Object({ registrationId: Type.String() }),
  output: Type.Object({ otpIssuedAt: Type.String() }),
  async handle(task, { db, config, notifications, now }) {
    const { registrationId } = task.variables;
    if (!(await createApplicantDataRepo(db).get(registrationId)))
      throw new WorkerError(WorkerError.APPLICANT_DATA_MISSING, 'no applicant data for the registration', false);
    const codes = createOneTimeCodesRepo(db);
    const issuedAt = now();
    const { noticeId, codeId } = await db.transaction(async (trx) => {
      const candidate = randomUUID();
      const id = await codes.issue(
        {
          id: candidate,
          registrationId,
          taskId: task.id,
          codeHash: hashSecret(deriveOtp(candidate, config.SECRET_PEPPER), config.SECRET_PEPPER),
          expiresAt: new Date(issuedAt.getTime() + config.OTP_TTL_SECONDS * 1000),
        },
        issuedAt,
        trx,
      );
      const notice = await createNotificationsRepo(db).ensure(
        { registrationId, channel: 'sms', template: 'otp', idempotencyKey: `otp:${id}`, oneTimeCodeId: id },
        trx,
      );
      if (notice.created) {
        // Step 9-2 is next: the form shows the code screen while the SMS is on its way.
        await createRegistrationsRepo(db).setStatus(registrationId, 'otp', {}, trx);
        await createAuditRepo(db).record(
          { registrationId, actor: 'worker:otp-send', action: 'otp_queued', detail: { codeId: id } },
          trx,
        );
      }
      return { noticeId: notice.id, codeId: id };
    });
    await notifications.offer(noticeId);
    const code = await codes.get(codeId);
    return { otpIssuedAt: new Date(code?.created_at ?? issuedAt).toISOString() };
  },
});
