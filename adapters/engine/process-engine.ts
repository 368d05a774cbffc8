import { EngineError } from './engine-errors.js';
import { createEngineRest, type EngineConnection, type EngineQuery, type EngineSchemas } from './engine-rest.js';
import { externalTasks } from './external-tasks.js';
import { openTaskOf, taskLists, type OpenTask } from './task-lists.js';
import { toEngineVariables, type Variables } from './variables.js';

export type { OpenTask, TaskFilter } from './task-lists.js';

/** The user task is no longer open: completed already (by someone else), or ended by a timer or a cancellation. */
export class TaskGoneError extends Error {
  static readonly code = 'TASK_GONE';
  readonly code = TaskGoneError.code;
  override name = TaskGoneError.name;
}

export interface OpenIncident {
  id: string;
  activityId: string;
  processInstanceId: string;
  processDefinitionId: string;
  /** Starts with the failing system's code (`PGSB_TIMEOUT: …`). */
  message: string;
  createdAt: Date;
}

export interface DeployResult {
  id: string;
  /** "agency-registration v3" for each process in the deployment; unchanged models keep their version. */
  processes: { key: string; version: number; id: string; new: boolean }[];
}

export interface DefinitionVersion {
  id: string;
  key: string;
  version: number;
  name: string | null;
  resource: string;
  deployedAt: string | null;
  /** The deployment's source: "bpmn/" for the project's files, "modeler: <owner>" for the page's. */
  source: string | null;
  /** Instances running on this version now. */
  instances: number;
}

type MigrationInstruction = {
  sourceActivityIds: string[];
  targetActivityIds: string[];
  updateEventTrigger?: boolean;
};
export type MigrationPlan = {
  sourceProcessDefinitionId: string;
  targetProcessDefinitionId: string;
  instructions: MigrationInstruction[];
};
export type MigrationInstructionReport = { instruction: MigrationInstruction; failures: string[] };

/** The engine answers 404 for an unknown task, and 500 with "Cannot find task" when it went between lookup and completion. */
const taskGone = (e: unknown) =>
  e instanceof EngineError && (e.status === 404 || /cannot find task|task .* does not exist|is null/i.test(e.message));

/**
 * What the API, the workers and the tools ask of the engine, and nothing else: a small interface
 * over the typed REST client, so the rest of the code does not know it talks HTTP.
 */
export function createProcessEngine(conn: EngineConnection) {
  const rest = createEngineRest(conn);
  async function tasksBy(query: EngineSchemas['TaskQueryDto'], max = 1000) {
    const { data } = await rest.POST('/task', { body: query, params: { query: { maxResults: max } } });
    return data ?? [];
  }

  async function definitionXml(definitionId: string): Promise<string> {
    const { data } = await rest.GET('/process-definition/{id}/xml', { params: { path: { id: definitionId } } });
    return data?.bpmn20Xml ?? '';
  }

  async function latestDefinitions() {
    const { data } = await rest.GET('/process-definition', {
      params: { query: { latestVersion: true, maxResults: 10_000 } },
    });
    return data ?? [];
  }

  return {
    /** Starts the latest version of a process; the business key is the registration id. */
    async start(processKey: string, businessKey: string, variables: Variables) {
      const { data } = await rest.POST('/process-definition/key/{key}/start', {
        params: { path: { key: processKey } },
        body: { businessKey, variables: toEngineVariables(variables) },
      });
      return { id: data!.id!, definitionId: data!.definitionId! };
    },

    /** The open user tasks of one registration (its business key, sub-processes included), newest first. */
    async openTasks(businessKey: string, taskDefinitionKeys?: string[]): Promise<OpenTask[]> {
      const tasks = await tasksBy(
        {
          processInstanceBusinessKey: businessKey,
          ...(taskDefinitionKeys ? { taskDefinitionKeyIn: taskDefinitionKeys } : {}),
          sorting: [{ sortBy: 'created' as const, sortOrder: 'desc' as const }],
        },
        20,
      );
      return tasks.map((t) => openTaskOf(t, businessKey));
    },

    /** The open tasks of one list, a page of them (oldest first) or how many: adapters/engine/task-lists.ts. */
    ...taskLists(rest),

    /** Completes a user task with its variables; TaskGoneError if it is no longer open. */
    async completeTask(taskId: string, variables: Variables = {}) {
      try {
        await rest.POST('/task/{id}/complete', {
          params: { path: { id: taskId } },
          body: { variables: toEngineVariables(variables) },
        });
      } catch (e) {
        if (taskGone(e)) throw new TaskGoneError(`task ${taskId} is no longer open`);
        throw e;
      }
    },

    /** Ends an instance (a test's, an operator's); one already gone is fine. */
    async cancel(processInstanceId: string) {
      try {
        await rest.DELETE('/process-instance/{id}', {
          params: { path: { id: processInstanceId }, query: { skipCustomListeners: true } },
        });
      } catch (e) {
        if (!(e instanceof EngineError && e.status === 404)) throw e;
      }
    },

    /**
     * The open incidents at their cause: where each waits (the activity, in which instance and version), its
     * message, which starts with the failing system's code, and since when.
     */
    async openIncidents(): Promise<OpenIncident[]> {
      const { data } = await rest.GET('/incident', { params: { query: { maxResults: 10_000 } } });
      // An incident in a called instance (the review) is repeated on each calling instance's call activity; the
      // cause is the one whose root cause it is itself, and counting the copies would count one failure twice.
      return (data ?? [])
        .filter((i) => !i.rootCauseIncidentId || i.rootCauseIncidentId === i.id)
        .map((i) => ({
          id: i.id!,
          activityId: i.activityId ?? '',
          processInstanceId: i.processInstanceId ?? '',
          processDefinitionId: i.processDefinitionId ?? '',
          message: i.incidentMessage ?? '',
          createdAt: i.incidentTimestamp ? new Date(i.incidentTimestamp) : new Date(0),
        }));
    },

    /** How many instances wait at the given activity now (with or without an incident of their own). */
    async instancesAt(activityId: string) {
      const { data } = await rest.GET('/process-instance/count', { params: { query: { activityIdIn: activityId } } });
      return data?.count ?? 0;
    },

    /** An activity's name in the version an instance runs (the card's step number first), as its history has it. */
    async activityName(processInstanceId: string, activityId: string) {
      const { data } = await rest.POST('/history/activity-instance', {
        body: { processInstanceId, activityId },
        params: { query: { maxResults: 1 } },
      });
      return data?.[0]?.activityName ?? null;
    },

    /** The running instances of a process key with their business keys (tests and tools clean up with it). */
    async runningInstances(processKey: string) {
      const { data } = await rest.GET('/process-instance', {
        params: { query: { processDefinitionKey: processKey, maxResults: 10_000 } },
      });
      return (data ?? []).map((p) => ({ id: p.id!, businessKey: p.businessKey ?? null }));
    },

    /** When each of the given instances ended, as the engine's history has it (running ones and unknown ids are absent). */
    async endTimes(processInstanceIds: string[]) {
      const ends = new Map<string, Date>();
      for (let i = 0; i < processInstanceIds.length; i += 100) {
        const { data } = await rest.POST('/history/process-instance', {
          body: { processInstanceIds: processInstanceIds.slice(i, i + 100), finished: true },
          params: { query: { maxResults: 100 } },
        });
        for (const p of data ?? []) if (p.endTime) ends.set(p.id!, new Date(p.endTime));
      }
      return ends;
    },

    /** Every deployed version of the given processes, with how many days the engine keeps an ended instance's history. */
    async definitions(processKeys: string[]) {
      const { data } = await rest.GET('/process-definition', {
        params: { query: { keysIn: processKeys.join(','), maxResults: 10_000 } },
      });
      return (data ?? []).map((d) => ({
        id: d.id!,
        key: d.key!,
        version: d.version!,
        historyTimeToLive: d.historyTimeToLive ?? null,
      }));
    },

    /** Sets a deployed version's history time to live; instances that end from now on keep their history that long. */
    async setHistoryTimeToLive(definitionId: string, days: number) {
      await rest.PUT('/process-definition/{id}/history-time-to-live', {
        params: { path: { id: definitionId } },
        body: { historyTimeToLive: days },
      });
    },

    /**
     * One deployment of the given files that differ from what runs: a BPMN file makes a new version only if
     * its XML differs from the latest version of its resource, whoever deployed that (`npm run deploy`, the
     * modeler page, under different sources); forms go with it, or alone with the engine's duplicate filtering.
     * Past the deploy gate: only adapters/engine/deploy-models.ts and the modeler page, which check and audit
     * first, call it (eslint holds everything else to them).
     */
    async deployUngated(
      name: string,
      files: { name: string; content: Buffer }[],
      source: string,
    ): Promise<DeployResult> {
      const latest = await latestDefinitions();
      const changed: typeof files = [];
      for (const f of files.filter((x) => x.name.endsWith('.bpmn'))) {
        const running = latest.find((d) => d.resource === f.name);
        if (!running || (await definitionXml(running.id!)) !== f.content.toString()) changed.push(f);
      }
      const others = files.filter((x) => !x.name.endsWith('.bpmn'));
      const form = new FormData();
      form.set('deployment-name', name);
      form.set('deployment-source', source);
      // Nothing of the processes changed: the forms alone, which the engine compares with the same source's last deployment.
      if (!changed.length) {
        form.set('enable-duplicate-filtering', 'true');
        form.set('deploy-changed-only', 'true');
      }
      for (const f of [...changed, ...others]) form.set(f.name, new Blob([new Uint8Array(f.content)]), f.name);
      let created = new Set<string>();
      let id = '';
      if (changed.length || others.length) {
        const { data } = await rest.POST('/deployment/create', {
          body: form as never,
          bodySerializer: (b) => b as unknown as FormData,
        });
        created = new Set(Object.values(data?.deployedProcessDefinitions ?? {}).map((d) => d.id!));
        id = data?.id ?? '';
      }
      // The latest version of each process these files define, whether this deployment made it or an earlier one.
      const names = new Set(files.map((f) => f.name));
      const processes = (await latestDefinitions())
        .filter((d) => names.has(d.resource!))
        .map((d) => ({ key: d.key!, version: d.version!, id: d.id!, new: created.has(d.id!) }));
      return { id, processes };
    },

    /**
     * Every version of the given processes, newest first, with its deployment (when, from which source) and how
     * many instances run on it: the modeler page's list.
     */
    async versions(processKeys: string[]): Promise<DefinitionVersion[]> {
      const [{ data: defs }, { data: stats }, { data: deployments }] = await Promise.all([
        rest.GET('/process-definition', {
          params: {
            query: { keysIn: processKeys.join(','), sortBy: 'version', sortOrder: 'desc', maxResults: 10_000 },
          },
        }),
        rest.GET('/process-definition/statistics', {}),
        rest.GET('/deployment', { params: { query: { maxResults: 10_000 } } }),
      ]);
      const running = new Map((stats ?? []).map((s) => [s.id!, s.instances ?? 0]));
      const deployment = new Map((deployments ?? []).map((d) => [d.id!, d]));
      return (defs ?? []).map((d) => ({
        id: d.id!,
        key: d.key!,
        version: d.version!,
        name: d.name ?? null,
        resource: d.resource ?? '',
        deployedAt: deployment.get(d.deploymentId!)?.deploymentTime ?? null,
        source: deployment.get(d.deploymentId!)?.source ?? null,
        instances: running.get(d.id!) ?? 0,
      }));
    },

    /** The ids of the instances running on one version. */
    async instancesOf(definitionId: string): Promise<string[]> {
      const { data } = await rest.GET('/process-instance', {
        params: { query: { processDefinitionId: definitionId, maxResults: 10_000 } },
      });
      return (data ?? []).map((p) => p.id!);
    },

    /** The engine's own migration plan between two versions: every activity mapped to the one of the same id. */
    async generateMigrationPlan(sourceDefinitionId: string, targetDefinitionId: string): Promise<MigrationPlan> {
      const { data } = await rest.POST('/migration/generate', {
        body: {
          sourceProcessDefinitionId: sourceDefinitionId,
          targetProcessDefinitionId: targetDefinitionId,
          updateEventTriggers: true,
        },
      });
      return data as MigrationPlan;
    },

    /** What the engine finds wrong with a plan's instructions, each with its failures; empty when the plan holds. */
    async validateMigrationPlan(plan: MigrationPlan): Promise<MigrationInstructionReport[]> {
      const { data } = await rest.POST('/migration/validate', { body: plan });
      return (data?.instructionReports ?? []).map((r) => ({
        instruction: r.instruction as MigrationInstruction,
        failures: r.failures ?? [],
      }));
    },

    /** Migrates the given instances by the plan, at once and all or none (the engine validates each instance first). */
    async executeMigration(plan: MigrationPlan, processInstanceIds: string[]) {
      await rest.POST('/migration/execute', {
        body: { migrationPlan: plan, processInstanceIds, skipCustomListeners: false, skipIoMappings: false },
      });
    },

    /** A deployed version's BPMN XML, as it was deployed. */
    definitionXml,

    /** The latest version of every deployed process. */
    latestDefinitions,

    /** The version a running instance runs on. */
    async definitionIdOf(processInstanceId: string) {
      const { data } = await rest.GET('/process-instance/{id}', { params: { path: { id: processInstanceId } } });
      return data!.definitionId!;
    },

    /** The external-task calls as one worker id makes them, on this connection's node(s). */
    externalTasks: (workerId: string) => externalTasks(rest, workerId),

    /** The tasks locked by a worker now, each with its worker id: who holds what. */
    async lockedExternalTasks() {
      const { data } = await rest.GET('/external-task', { params: { query: { locked: true } } });
      return data ?? [];
    },

    /** The job definitions (timers, asynchronous continuations) the query selects, as Cockpit's job definitions tab lists them. */
    async jobDefinitions(query: EngineQuery<'getJobDefinitions'>) {
      const { data } = await rest.GET('/job-definition', { params: { query } });
      return data ?? [];
    },

    /** Cockpit's "suspend"/"activate" on a job definition, with its jobs: suspended jobs wait, unacquired. */
    async setJobDefinitionSuspended(jobDefinitionId: string, suspended: boolean) {
      await rest.PUT('/job-definition/{id}/suspended', {
        params: { path: { id: jobDefinitionId } },
        body: { suspended, includeJobs: true },
      });
    },

    /** Cockpit's "retry" on a failed task's incident: the external task gets retries again and is fetched anew. */
    async setExternalTaskRetries(externalTaskId: string, retries: number) {
      await rest.PUT('/external-task/{id}/retries', { params: { path: { id: externalTaskId } }, body: { retries } });
    },

    /** The open incidents the query selects, as Cockpit lists them. */
    async incidents(query: EngineQuery<'getIncidents'>) {
      const { data } = await rest.GET('/incident', { params: { query } });
      return data ?? [];
    },

    /** The timers waiting at one boundary event, each with its instance and when it fires (how near a time limit is). */
    async timersAt(activityId: string) {
      const { data } = await rest.GET('/job', { params: { query: { activityId, timers: true, maxResults: 10_000 } } });
      return (data ?? []).map((j) => ({ processInstanceId: j.processInstanceId!, dueDate: j.dueDate ?? null }));
    },

    /** Every incident the query selects, resolved ones included, as the engine's history keeps them. */
    async historicIncidents(query: EngineQuery<'getHistoricIncidents'>) {
      const { data } = await rest.GET('/history/incident', { params: { query } });
      return data ?? [];
    },

    /** The history of the instances the query selects, running and ended: state, version, times; a page of it if asked. */
    async historicInstances(
      query: EngineSchemas['HistoricProcessInstanceQueryDto'],
      page: EngineQuery<'queryHistoricProcessInstances'> = {},
    ) {
      const { data } = await rest.POST('/history/process-instance', { body: query, params: { query: page } });
      return data ?? [];
    },

    /** The history of the activities (each task, event, call) the query selects: when each began and how long it took. */
    async historicActivities(
      query: EngineSchemas['HistoricActivityInstanceQueryDto'],
      page: EngineQuery<'queryHistoricActivityInstances'> = {},
    ) {
      const { data } = await rest.POST('/history/activity-instance', { body: query, params: { query: page } });
      return data ?? [];
    },

    /** The user tasks the query selects, open and ended, as the history has them (assignee, delete reason). */
    async historicTasks(query: EngineSchemas['HistoricTaskInstanceQueryDto']) {
      const { data } = await rest.POST('/history/task', { body: query });
      return data ?? [];
    },

    /** Every variable the given instances held (with history level audit or more, its last value). */
    async historicVariables(processInstanceIds: string[]) {
      const { data } = await rest.POST('/history/variable-instance', {
        body: { processInstanceIdIn: processInstanceIds },
      });
      return data ?? [];
    },

    /** When and whether the engine's history cleanup runs (its batch window), as the engine is configured. */
    async historyCleanupConfiguration() {
      const { data } = await rest.GET('/history/cleanup/configuration');
      return data!;
    },
  };
}

export type ProcessEngine = ReturnType<typeof createProcessEngine>;
