import type { ProcessEngine } from '../../adapters/engine/process-engine.js';
import { engineAsAdmin } from './engine-as.js';

/**
 * What the engine keeps about one registration, read as Cockpit reads it: its instances (the review
 * sub-process included), their history of activities, tasks, variables, incidents and the operation log.
 */
export function engineRecords(engine: ProcessEngine) {
  async function instanceIds(businessKey: string) {
    const roots = await engine.historicInstances({ processInstanceBusinessKey: businessKey });
    const ids = roots.map((p) => p.id!);
    // Called instances carry the business key too (camunda:in businessKey), but ask by parent as well.
    for (const id of [...ids]) {
      const subs = await engine.historicInstances({ superProcessInstanceId: id });
      for (const s of subs) if (!ids.includes(s.id!)) ids.push(s.id!);
    }
    return ids;
  }

  return {
    instanceIds,

    /** Every variable any instance of the registration ever held (history level audit keeps the last value). */
    async variables(businessKey: string) {
      return engine.historicVariables(await instanceIds(businessKey));
    },

    /** The user tasks of every instance of the registration, with the names and descriptions people read. */
    async tasks(businessKey: string) {
      const ids = await instanceIds(businessKey);
      const all = [];
      for (const processInstanceId of ids) {
        all.push(...(await engine.historicTasks({ processInstanceId })));
      }
      return all;
    },

    /** The incidents at their cause (a failed task), not their copies on the calling instances. */
    async incidents(businessKey: string, open = true) {
      const ids = await instanceIds(businessKey);
      const all = [];
      for (const processInstanceId of ids) {
        const incidents = await engine.historicIncidents({ processInstanceId, ...(open ? { open: true } : {}) });
        all.push(...incidents.filter((i) => i.id === i.rootCauseIncidentId));
      }
      return all;
    },

    /**
     * Everything the engine could show a person about the registration, as one JSON text to search (every
     * variable update included: history level full); read as Cockpit's administrator, who may see it all.
     */
    async everything(businessKey: string) {
      const ids = await instanceIds(businessKey);
      const admin = engineAsAdmin();
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
        ]) {
          const answer = await admin.get(`${path}?processInstanceId=${processInstanceId}`);
          // An error answer would hide the records it stands for: the search below would find nothing in it.
          if (answer.status !== 200) throw new Error(`GET ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
          parts.push(answer.body);
        }
      }
      parts.push(await engine.historicVariables(ids));
      return JSON.stringify(parts);
    },
  };
}
