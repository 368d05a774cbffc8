/** A sequence flow of a deployed model, as the monitor needs it: its ends, and how its gateway chooses it. */
export interface ModelFlow {
  id: string;
  sourceId: string;
  targetId: string;
  /** `${name == 'value'}`, read as a test of one variable; null for no condition, or one of another form. */
  condition: { variable: string; value: string } | null;
  /** The source gateway's default flow. */
  isDefault: boolean;
}

const SIMPLE_CONDITION = /^\$\{\s*([A-Za-z_]\w*)\s*==\s*'([^']*)'\s*\}$/;

/** The one variable and value a condition tests, when it is the plain `${var == 'value'}` the models use. */
export function simpleCondition(body: string | undefined | null): ModelFlow['condition'] {
  const m = SIMPLE_CONDITION.exec((body ?? '').trim());
  return m ? { variable: m[1]!, value: m[2]! } : null;
}
