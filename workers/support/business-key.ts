import type { LockedTask } from '../../adapters/engine/external-tasks.js';
import { WorkerError } from './worker-error.js';

/**
 * The id of the row an instance works on, from its business key: set when the instance starts (and
 * passed on by a call activity), which no one working on a user task can change, unlike a variable.
 */
export function businessKeyOf(task: Pick<LockedTask, 'businessKey' | 'processInstanceId'>): string {
  if (!task.businessKey)
    throw new WorkerError(
      WorkerError.REGISTRATION_NOT_FOUND,
      `instance ${task.processInstanceId} has no business key`,
      false,
    );
  return task.businessKey;
}
