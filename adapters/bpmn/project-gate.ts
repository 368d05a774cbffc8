import { checkModels, checkToolModels, type GateFacts, type GateProblem } from '../../domain/deploy-gate/deploy-gate.js';
import { PROCESS_ID, REVIEW_PROCESS_ID, TOPICS, USER_TASKS } from '../engine/process-model.js';
import { readModelSet, type ModelFile } from './read-model.js';

/** What this codebase serves: the topics it has workers for, the API's user tasks, the ids code refers to. */
export const projectFacts: GateFacts = {
  workerTopics: Object.values(TOPICS),
  apiUserTasks: Object.values(USER_TASKS),
  requiredProcesses: [PROCESS_ID, REVIEW_PROCESS_ID],
  // No worker throws a BPMN error and the API correlates no message today; list them here when one does.
  workerErrorCodes: [],
  correlatedMessages: [],
};

/** A deployment the gate refused, with every problem in Persian and English. */
export class GateRefusedError extends Error {
  static readonly code = 'GATE_REFUSED';
  readonly code = GateRefusedError.code;
  override name = GateRefusedError.name;
  constructor(readonly problems: GateProblem[]) {
    super(`the deploy gate refused the models:\n${problems.map((p) => `  - ${p.text.en}`).join('\n')}`);
  }
}

/** The gate over the files deployed together (with the latest of the other processes when one model changes alone). */
export async function checkModelFiles(files: ModelFile[], facts: GateFacts = projectFacts): Promise<GateProblem[]> {
  return checkModels(await readModelSet(files), facts);
}

/** The gate over a tool's own model (chaos, the benchmarks, a test's probe): no code, no personal data, timers that wait. */
export async function checkToolModelFiles(files: ModelFile[]): Promise<GateProblem[]> {
  return checkToolModels(await readModelSet(files));
}
