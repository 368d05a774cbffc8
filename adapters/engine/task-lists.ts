import type { EngineRest, EngineSchemas } from './engine-rest.js';

export interface OpenTask {
  id: string;
  taskDefinitionKey: string;
  processInstanceId: string;
  processDefinitionId: string;
  businessKey: string | null;
  created: string;
  due: string | null;
  name: string;
}

/** Which open user tasks a list holds: one definition key, and optionally a group's and an age. */
export interface TaskFilter {
  taskDefinitionKey: string;
  /** The group's candidate tasks and those a member has claimed, as Tasklist's group filter lists them. */
  candidateGroup?: string;
  /** Only tasks created at or before this instant (those past a reminder time). */
  createdUpTo?: Date;
}

/** A slice of a list, as the engine's query pages it. */
export interface TaskPage {
  firstResult?: number;
  maxResults?: number;
}

/** No list is read whole without a bound: what a caller does not page is cut here. */
const DEFAULT_MAX = 1000;

export const openTaskOf = (t: EngineSchemas['TaskDto'], businessKey: string | null): OpenTask => ({
  id: t.id!,
  taskDefinitionKey: t.taskDefinitionKey!,
  processInstanceId: t.processInstanceId!,
  processDefinitionId: t.processDefinitionId!,
  businessKey,
  created: t.created!,
  due: t.due ?? null,
  name: t.name ?? '',
});

/** The engine's date format (yyyy-MM-dd'T'HH:mm:ss.SSSZ): an offset, not the letter Z. */
const engineDate = (d: Date) => d.toISOString().replace('Z', '+0000');

function queryOf(filter: TaskFilter): EngineSchemas['TaskQueryDto'] {
  return {
    taskDefinitionKey: filter.taskDefinitionKey,
    ...(filter.candidateGroup ? { candidateGroup: filter.candidateGroup, includeAssignedTasks: true } : {}),
    // The engine's bound is strict (created < createdBefore); a task created at the instant itself is included
    // here, as the reviewers' page marks it overdue. Its times have millisecond precision.
    ...(filter.createdUpTo ? { createdBefore: engineDate(new Date(filter.createdUpTo.getTime() + 1)) } : {}),
  };
}

/**
 * The task lists the API, the monitor, the alerts and the metrics read: a page of one list (oldest first) with
 * each task's business key, and how many tasks a list holds, each with the same filter so a page and its
 * count agree. Only the page's instances are asked for their business keys.
 */
export function taskLists(rest: EngineRest) {
  return {
    /** Open user tasks of one definition key, oldest first (the task id breaks ties, so pages neither overlap nor skip). */
    async tasksOf(filter: TaskFilter, page: TaskPage = {}): Promise<OpenTask[]> {
      const { data } = await rest.POST('/task', {
        body: {
          ...queryOf(filter),
          sorting: [
            { sortBy: 'created' as const, sortOrder: 'asc' as const },
            { sortBy: 'id' as const, sortOrder: 'asc' as const },
          ],
        },
        params: { query: { firstResult: page.firstResult ?? 0, maxResults: page.maxResults ?? DEFAULT_MAX } },
      });
      const tasks = data ?? [];
      // The task list does not carry business keys; one query for the instances behind the page does.
      const ids = [...new Set(tasks.map((t) => t.processInstanceId!))];
      const keys = new Map<string, string | null>();
      if (ids.length) {
        const { data: instances } = await rest.POST('/process-instance', {
          body: { processInstanceIds: ids },
          params: { query: { maxResults: ids.length } },
        });
        for (const p of instances ?? []) keys.set(p.id!, p.businessKey ?? null);
      }
      return tasks.map((t) => openTaskOf(t, keys.get(t.processInstanceId!) ?? null));
    },

    /** How many open tasks the filter selects (the engine counts; nothing is listed). */
    async taskCount(filter: TaskFilter): Promise<number> {
      const { data } = await rest.POST('/task/count', { body: queryOf(filter) });
      return data?.count ?? 0;
    },
  };
}
