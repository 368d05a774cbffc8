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

/**
 * The gate for a tool's own model (a chaos drill's, a benchmark's, a test's probe), which is no part of the card:
 * the rules that hold for every model this engine runs — it carries no code, its variables carry no personal
 * data, its timers wait for something.
 */
export function checkToolModels(set: ModelSet): GateProblem[] {
  return [...timers(set), ...personalData(set), ...noCode(set)];
}
