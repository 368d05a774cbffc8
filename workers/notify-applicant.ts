import { Type } from '@sinclair/typebox';
import { createAuditRepo } from '../db/audit-repo.js';
import { createNotificationsRepo, type NotificationTemplate } from '../db/notifications-repo.js';
import { defineWorker } from './support/define-worker.js';
import { WorkerError } from './support/worker-error.js';
import { TOPICS } from '../adapters/engine/process-model.js';

const TEMPLATES: NotificationTemplate[] = ['registered', 'rejected'];

/**
 * Card step 12 (and the rejection notice): queues an SMS and an e-mail. Keys are per registration
 * and template, so a repeated task queues nothing new. The notices are rows in PostgreSQL (the
 * outbox), written in one transaction with the audit; BullMQ carries them to delivery, and a notice
 * whose job Redis lost is enqueued again by the sweeper (workers/queue/notice-sweeper.ts).
 */
export const notifyApplicantWorker = defineWorker({
  topic: TOPICS.notifyApplicant,
  input: Type.Object({ registrationId: Type.String() }),
  output: Type.Object({ notified: Type.String() }),
  async handle(task, { db, notifications }) {
    const { registrationId } = task.variables;
    // The model's property on the task says which notice (registered, rejected).
    const template = task.properties.template as NotificationTemplate;
    if (!TEMPLATES.includes(template))
      throw new WorkerError('UNKNOWN_TEMPLATE', `unknown notice template ${template}`, false);
    const repo = createNotificationsRepo(db);
    const ids = await db.transaction(async (trx) => {
      const notices = [];
      for (const channel of ['sms', 'email'] as const) {
        notices.push(
          await repo.ensure(
            { registrationId, channel, template, idempotencyKey: `${registrationId}:${template}:${channel}` },
            trx,
          ),
        );
      }
      // A repeated task queues nothing new, and so records nothing new.
      if (notices.some((n) => n.created))
        await createAuditRepo(db).record(
          { registrationId, actor: 'worker:notify-applicant', action: 'notice_queued', detail: { template } },
          trx,
        );
      return notices.map((n) => n.id);
    });
    // The rows are the outbox: the queue only carries them, and the sweeper enqueues any it missed.
    for (const id of ids) await notifications.offer(id);
    return { notified: template };
  },
});
