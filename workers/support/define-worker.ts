import type { ZeebeJob } from '@camunda8/sdk/dist/zeebe/types.js';
import type { ZeebeClient } from '../../adapters/camunda/camunda-client.js';
import { createIncidentsRepo } from '../../db/incidents-repo.js';
import type { WorkerDeps } from './worker-deps.js';

type Vars = Record<string, unknown>;

export interface WorkerSpec<In extends Vars, Headers extends Record<string, string>, Out extends Vars> {
  taskType: string;
  fetchVariables: (keyof In & string)[];
  timeoutMs?: number;
  /** Returns the output variables; throws for technical faults only (business outcomes are outputs). */
  handle(job: ZeebeJob<In, Headers, Out>, deps: WorkerDeps): Promise<Out>;
}

/** A technical fault's code for Operate and the logs: our typed errors carry one; anything else is INTERNAL. */
const faultOf = (err: unknown) => {
  const e = err as { code?: unknown; retryable?: unknown; message?: unknown; name?: unknown };
  const typed = typeof e?.code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(e.code);
  return {
    code: typed ? (e.code as string) : 'INTERNAL_ERROR',
    retryable: e?.retryable !== false,
    // Untyped errors (a driver's, say) may quote data in their message, so only their class name is shown.
    message: typed ? String(e.message) : `unexpected ${String(e?.name ?? 'error')}`,
  };
};

export function defineWorker<In extends Vars, Headers extends Record<string, string>, Out extends Vars>(
  spec: WorkerSpec<In, Headers, Out>,
) {
  return Object.assign(
    (zeebe: ZeebeClient, deps: WorkerDeps) => {
      const incidents = createIncidentsRepo(deps.db);
      return zeebe.createWorker<In, Headers, Out>({
        taskType: spec.taskType,
        fetchVariable: spec.fetchVariables,
        timeout: spec.timeoutMs ?? 30_000,
        maxJobsToActivate: 8,
        taskHandler: async (job) => {
          const ctx = { taskType: spec.taskType, jobKey: job.key, processInstanceKey: job.processInstanceKey };
          try {
            const out = await spec.handle(job, deps);
            return await job.complete(out);
          } catch (err) {
            const fault = faultOf(err);
            const retries = fault.retryable ? Math.max(job.retries - 1, 0) : 0;
            deps.logger.warn({ ...ctx, errorCode: fault.code, retries }, 'job failed');
            if (retries === 0) {
              await incidents.record({
                job_key: job.key, process_instance_key: job.processInstanceKey, element_id: job.elementId,
                element_instance_key: job.elementInstanceKey, task_type: spec.taskType,
                registration_id: typeof job.variables.registrationId === 'string' ? job.variables.registrationId : null,
                error_code: fault.code,
              }).catch((e) => deps.logger.error({ ...ctx, err: faultOf(e).code }, 'could not record incident'));
            }
            return job.fail({ errorMessage: `${fault.code}: ${fault.message}`, retries, retryBackOff: deps.config.JOB_RETRY_BACKOFF_MS });
          }
        },
      });
    },
    // The handler alone, so a test can deliver the same job twice, as Zeebe may.
    { taskType: spec.taskType, handle: spec.handle },
  );
}

export type WorkerFactory = ReturnType<typeof defineWorker>;
