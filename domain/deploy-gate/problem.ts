import { label, type El } from './model.js';

export type GateRule =
  | 'migration'
  | 'worker-topic'
  | 'user-task'
  | 'error-catcher'
  | 'message-catcher'
  | 'card-step'
  | 'timer'
  | 'personal-data'
  | 'code-ids'
  | 'code';

/** One reason a model may not be deployed, with the element it is about, in Persian and English. */
export interface GateProblem {
  rule: GateRule;
  elementId: string;
  text: { fa: string; en: string };
}

export const problem = (
  rule: GateRule,
  e: Pick<El, 'id' | 'name'>,
  fa: (l: string) => string,
  en: (l: string) => string,
): GateProblem => {
  const l = label(e);
  return { rule, elementId: e.id, text: { fa: fa(l), en: en(l) } };
};
