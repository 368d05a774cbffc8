import type { EngineSchemas } from './engine-rest.js';

type VariableValue = EngineSchemas['VariableValueDto'];
/** What may travel in a process variable: ids, counters, outcome codes, flags (never personal data). */
type Scalar = string | number | boolean | null;
export type Variables = Record<string, Scalar>;

const typeOf = (v: Scalar) =>
  v === null
    ? 'Null'
    : typeof v === 'boolean'
      ? 'Boolean'
      : typeof v === 'number'
        ? Number.isInteger(v)
          ? 'Long'
          : 'Double'
        : 'String';

/** Plain values to the engine's typed form ({value, type}). */
export function toEngineVariables(vars: Variables): Record<string, VariableValue> {
  return Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, { value: v, type: typeOf(v) }]));
}

/** The engine's typed form back to plain values. */
export function fromEngineVariables(vars: Record<string, VariableValue> | undefined | null): Variables {
  return Object.fromEntries(Object.entries(vars ?? {}).map(([k, v]) => [k, (v?.value ?? null) as Scalar]));
}
