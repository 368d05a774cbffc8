import { Type } from '@sinclair/typebox';
import { createAuditRepo } from '../db/audit-repo.js';
import { createNotificationsRepo } from '../db/notifications-repo.js';
import { defineWorker } from './support/define-worker.js';
import { TOPICS } from '../adapters/engine/process-model.js';

/** The review has waited past REVIEW_REMINDER: the reviewers' mailbox is told, once per timer firing. */
export const reviewReminderWorker = defineWorker({
  topic: TOPICS.reviewReminder,
  input: Type.Object({ registrationId: Type.String() }),
  output: Type.Object({}),
  async handle(task, { db, notifications }) {
    const { registrationId } = task.variables;
    // The outbox row and its audit in one transaction; the queue only carries the row (see notify-applicant).
    const id = await db.transaction(async (trx) => {
      const notice = await createNotificationsRepo(db).ensure(
        {
          registrationId,
          channel: 'email',
          template: 'review-reminder',
          idempotencyKey: `${registrationId}:review-reminder:${task.id}`,
        },
        trx,
      );
      if (notice.created)
        await createAuditRepo(db).record(
          {
            registrationId,
            actor: 'worker:review-reminder',
            action: 'reviewers_reminded',
            detail: { notificationId: notice.id },
          },
          trx,
        );
      return notice.id;
    });
    await notifications.offer(id);
    return {};
  },
});
