import { EngineError } from './engine-errors.js';
import type { EngineRest, EngineSchemas } from './engine-rest.js';
import { fromEngineVariables, toEngineVariables, type Variables } from './variables.js';

export interface LockedTask {
  id: string;
  topic: string;
  activityId: string;
  processInstanceId: string;
  processDefinitionKey: string;
  businessKey: string | null;
  /** null on the first delivery; what the worker last reported after a failure. */
  retries: number | null;
  variables: Variables;
  /** The model's camunda:properties on the service task (retries, retryBackoff, template, …). */
  properties: Record<string, string>;
}

export interface TopicSubscription {
  topic: string;
  variables: string[];
  lockDurationMs: number;
}

const lockedTask = (t: EngineSchemas['LockedExternalTaskDto']): LockedTask => ({
  id: t.id!,
  topic: t.topicName!,
  activityId: t.activityId!,
  processInstanceId: t.processInstanceId!,
  processDefinitionKey: t.processDefinitionKey ?? '',
  businessKey: t.businessKey ?? null,
  retries: t.retries ?? null,
  variables: fromEngineVariables(t.variables),
  properties: t.extensionProperties ?? {},
});

/**
 * The engine said the task is not ours to answer any more: it was completed by an earlier delivery,
 * its lock went to another worker, or the instance moved on (timer, cancellation). Nothing to do.
 */
export const taskNoLongerOurs = (e: unknown) =>
  e instanceof EngineError &&
  (e.status === 404 || (e.status === 500 && /lock|not found|does not exist|cannot find/i.test(e.message)));

/** The external-task calls of the REST API, for one worker id. */
export function externalTasks(rest: EngineRest, workerId: string) {
  return {
    /** Long poll over the given topics: answers as soon as a task of any is there, or after `waitMs` with none. */
    async fetchAndLock(
      subs: TopicSubscription[],
      maxTasks: number,
      waitMs: number,
      signal?: AbortSignal,
    ): Promise<LockedTask[]> {
      const { data } = await rest.POST('/external-task/fetchAndLock', {
        body: {
          workerId,
          maxTasks,
          usePriority: true,
          asyncResponseTimeout: waitMs,
          topics: subs.map((sub) => ({
            topicName: sub.topic,
            lockDuration: sub.lockDurationMs,
            variables: sub.variables,
            includeExtensionProperties: true,
          })),
        },
        signal,
      });
      return (data ?? []).map(lockedTask);
    },
    async complete(taskId: string, variables: Variables) {
      await rest.POST('/external-task/{id}/complete', {
        params: { path: { id: taskId } },
        body: { workerId, variables: toEngineVariables(variables) },
      });
    },
    /** Retries left 0 raises an incident with `errorMessage`, which Cockpit shows. */
    async failure(
      taskId: string,
      errorMessage: string,
      retries: number,
      retryTimeoutMs: number,
      errorDetails?: string,
    ) {
      await rest.POST('/external-task/{id}/failure', {
        params: { path: { id: taskId } },
        body: {
          workerId,
          errorMessage: errorMessage.slice(0, 600),
          errorDetails,
          retries,
          retryTimeout: retryTimeoutMs,
        },
      });
    },
    async extendLock(taskId: string, newDurationMs: number) {
      await rest.POST('/external-task/{id}/extendLock', {
        params: { path: { id: taskId } },
        body: { workerId, newDuration: newDurationMs },
      });
    },
  };
}

export type ExternalTasks = ReturnType<typeof externalTasks>;
