import type { ProcessEngine } from '../../adapters/engine/process-engine.js';

/**
 * What the engine keeps about one registration, read as Cockpit reads it: its instances (the review
 * sub-process included), their history of activities, tasks, variables, incidents and the operation log.
 */
export function engineRecords(engine: ProcessEngine) {
  const { rest } = engine;
  async function instanceIds(businessKey: string) {
    const { data: roots } = await rest.GET('/history/process-instance', {
      params: { query: { processInstanceBusinessKey: businessKey } },
    });
    const ids = (roots ?? []).map((p) => p.id!);
    // Called instances carry the business key too (camunda:in businessKey), but ask by parent as well.
    for (const id of [...ids]) {
      const { data: subs } = await rest.GET('/history/process-instance', {
        params: { query: { superProcessInstanceId: id } },
      });
      for (const s of subs ?? []) if (!ids.includes(s.id!)) ids.push(s.id!);
    }
    return ids;
  }

  return {
    instanceIds,

    /** Every variable any instance of the registration ever held (history level audit keeps the last value). */
    async variables(businessKey: string) {
      const ids = await instanceIds(businessKey);
      const { data } = await rest.POST('/history/variable-instance', { body: { processInstanceIdIn: ids } });
      return data ?? [];
    },

    /** The user tasks of every instance of the registration, with the names and descriptions people read. */
    async tasks(businessKey: string) {
      const ids = await instanceIds(businessKey);
      const all = [];
      for (const processInstanceId of ids) {
        const { data } = await rest.GET('/history/task', { params: { query: { processInstanceId } } });
        all.push(...(data ?? []));
      }
      return all;
    },

    /** The incidents at their cause (a failed task), not their copies on the calling instances. */
    async incidents(businessKey: string, open = true) {
      const ids = await instanceIds(businessKey);
      const all = [];
      for (const processInstanceId of ids) {
        const { data } = await rest.GET('/history/incident', {
          params: { query: { processInstanceId, ...(open ? { open: true } : {}) } },
        });
        all.push(...(data ?? []).filter((i) => i.id === i.rootCauseIncidentId));
      }
      return all;
    },

    /** Everything the engine could show a person about the registration, as one JSON text to search (every variable update included: history level full). */
    async everything(businessKey: string) {
      const ids = await instanceIds(businessKey);
      const parts: unknown[] = [];
      for (const processInstanceId of ids) {
        for (const path of [
          '/history/process-instance',
          '/history/activity-instance',
          '/history/task',
          '/history/incident',
          '/history/external-task-log',
          '/history/user-operation',
          '/history/job-log',
          '/history/detail',
        ] as const) {
          const { data } = await rest.GET(path as '/history/task', { params: { query: { processInstanceId } } });
          parts.push(data);
        }
      }
      const { data: vars } = await rest.POST('/history/variable-instance', { body: { processInstanceIdIn: ids } });
      parts.push(vars);
      return JSON.stringify(parts);
    },
  };
}
