/** A domain rule's answer: the value, or a stable code saying why not. */
export type Result<T, C extends string = string> = { ok: true; value: T } | { ok: false; code: C };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <C extends string>(code: C): { ok: false; code: C } => ({ ok: false, code });
