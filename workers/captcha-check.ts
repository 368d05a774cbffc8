import { Type } from '@sinclair/typebox';
import { createAuditRepo } from '../db/audit-repo.js';
import { createCaptchasRepo, type CaptchaOutcome } from '../db/captchas-repo.js';
import { createRegistrationsRepo } from '../db/registrations-repo.js';
import { defineWorker } from './support/define-worker.js';
import { WorkerError } from './support/worker-error.js';
import { TOPICS } from '../adapters/engine/process-model.js';

/** Card step 6. The challenge is consumed by its first check, right or wrong: a captcha is single use. */
export const captchaCheckWorker = defineWorker({
  topic: TOPICS.captchaCheck,
  input: Type.Object({ registrationId: Type.String(), submissionId: Type.String() }),
  output: Type.Object({
    captchaOutcome: Type.Union([Type.Literal('valid'), Type.Literal('invalid'), Type.Literal('expired')]),
  }),
  async handle(task, { db, now }) {
    const { registrationId, submissionId } = task.variables;
    return db.transaction(async (trx): Promise<{ captchaOutcome: CaptchaOutcome }> => {
      const submission = await trx('submissions')
        .where({ id: submissionId, registration_id: registrationId })
        .forUpdate()
        .first();
      if (!submission) throw new WorkerError(WorkerError.SUBMISSION_NOT_FOUND, 'submission not found', false);
      if (submission.captcha_outcome) return { captchaOutcome: submission.captcha_outcome as CaptchaOutcome };
      const captchaOutcome = await createCaptchasRepo(db).consume(
        submission.captcha_id,
        submission.captcha_answer_hash,
        now(),
        trx,
      );
      await trx('submissions').where({ id: submissionId }).update({ captcha_outcome: captchaOutcome });
      if (captchaOutcome !== 'valid') {
        // 6-1: back to step 3 with a new captcha.
        await createRegistrationsRepo(db).setStatus(
          registrationId,
          'applicant-data',
          { return_reason: `captcha_${captchaOutcome}` },
          trx,
        );
      }
      await createAuditRepo(db).record(
        {
          registrationId,
          actor: 'worker:captcha-check',
          action: 'captcha_checked',
          detail: { outcome: captchaOutcome },
        },
        trx,
      );
      return { captchaOutcome };
    });
  },
});
