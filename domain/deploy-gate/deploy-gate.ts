import type { ModelSet } from './model.js';
import { noCode } from './no-code.js';
import type { GateProblem } from './problem.js';
import {
  cardSteps,
  codeIds,
  errorCatchers,
  messageCatchers,
  personalData,
  timers,
  userTasks,
  workerTopics,
  type GateFacts,
} from './rules.js';

export type { GateFacts } from './rules.js';
export type { GateProblem } from './problem.js';
export type { ModelSet } from './model.js';

/**
 * The deploy gate: every reason the models deployed together would break the running system. An empty
 * list lets them deploy. `npm run deploy`, the API's deploy endpoint and the modeler page share it.
 */
export function checkModels(set: ModelSet, facts: GateFacts): GateProblem[] {
  return [
    ...codeIds(set, facts),
    ...workerTopics(set, facts),
    ...userTasks(set, facts),
    ...errorCatchers(set, facts),
    ...messageCatchers(set, facts),
    ...cardSteps(set),
    ...timers(set),
    ...personalData(set),
    ...noCode(set),
  ];
}
