import type { ZeebeClient } from '../adapters/camunda/camunda-client.js';
import { USER_TASK_JOB_TYPE, USER_TASKS } from '../adapters/camunda/process-model.js';
import { createAuditRepo } from '../db/audit-repo.js';
import { createRegistrationsRepo, type RegistrationStatus } from '../db/registrations-repo.js';
import { createUserTasksRepo } from '../db/user-tasks-repo.js';
import type { WorkerDeps } from './support/worker-deps.js';

const statusOfTask: Record<string, RegistrationStatus> = {
  [USER_TASKS.applicantData]: 'applicant-data',
  [USER_TASKS.enterOtp]: 'otp',
  [USER_TASKS.review]: 'under-review',
};

/**
 * Records each user task Zeebe creates, so the API can find and complete it by key. Camunda 8.6
 * without a secondary store (Elasticsearch) cannot search tasks, so the user tasks are job-based
 * and this worker is their inbox. It never completes them: `forward()` frees its capacity and
 * the API (or Tasklist, where one runs) completes the job. A job seen again after its long
 * activation timeout is recorded once.
 */
export function userTaskInboxWorker(zeebe: ZeebeClient, deps: WorkerDeps) {
  const tasks = createUserTasksRepo(deps.db);
  const registrations = createRegistrationsRepo(deps.db);
  const audit = createAuditRepo(deps.db);
  return zeebe.createWorker<{ registrationId?: string }, Record<string, string>>({
    taskType: USER_TASK_JOB_TYPE,
    fetchVariable: ['registrationId'],
    timeout: 3_600_000,
    maxJobsToActivate: 32,
    taskHandler: async (job) => {
      const registrationId = job.variables.registrationId ?? null;
      try {
        await deps.db.transaction(async (trx) => {
          const isNew = await tasks.recordOpen({
            job_key: job.key, process_instance_key: job.processInstanceKey, element_id: job.elementId,
            registration_id: registrationId,
            candidate_groups: job.customHeaders['io.camunda.zeebe:candidateGroups'] ?? null,
            form_key: job.customHeaders['io.camunda.zeebe:formKey'] ?? null,
          }, trx);
          const status = statusOfTask[job.elementId];
          if (!isNew || !registrationId || !status) return;
          const patch = status === 'under-review' ? { review_started_at: deps.now() } : {};
          await registrations.setStatus(registrationId, status, patch, trx);
          await audit.record({ registrationId, actor: 'engine', action: 'user_task_created', detail: { element: job.elementId, jobKey: job.key } }, trx);
        });
        return job.forward();
      } catch (err) {
        deps.logger.warn({ jobKey: job.key, err: (err as Error).name }, 'user task not recorded; retrying');
        // Same retries: a database hiccup must not turn a waiting applicant into an incident.
        return job.fail({ errorMessage: 'USER_TASK_INBOX: not recorded, retrying', retries: job.retries, retryBackOff: 5_000 });
      }
    },
  });
}
userTaskInboxWorker.taskType = USER_TASK_JOB_TYPE;
