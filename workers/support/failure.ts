import { durationMs } from '../../domain/iso-duration.js';

/** A technical fault's code for Cockpit and the logs: our typed errors carry one; anything else is INTERNAL_ERROR. */
export function faultOf(err: unknown) {
  const e = err as { code?: unknown; retryable?: unknown; message?: unknown; name?: unknown };
  const typed = typeof e?.code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(e.code);
  return {
    code: typed ? (e.code as string) : 'INTERNAL_ERROR',
    retryable: e?.retryable !== false,
    // Untyped errors (a driver's, say) may quote data in their message, so only their class name is shown.
    message: typed ? String(e.message) : `unexpected ${String(e?.name ?? 'error')}`,
  };
}

/**
 * Retries left after this failure, and the wait before the next try: the model's `retries` on the first
 * failure (the engine hands out null until a worker sets it), its `retryBackoff` doubling with each try.
 */
export function nextRetry(
  task: { retries: number | null; properties: Record<string, string> },
  retryable: boolean,
  backoffOverrideMs?: number,
) {
  const total = Math.max(Number.parseInt(task.properties.retries ?? '3', 10) || 0, 0);
  const left = task.retries ?? total;
  const retries = retryable ? Math.max(left - 1, 0) : 0;
  const base = backoffOverrideMs ?? durationMs(task.properties.retryBackoff ?? 'PT10S');
  const attempt = Math.max(total - left, 0);
  return { retries, retryTimeoutMs: Math.min(base * 2 ** attempt, 3_600_000) };
}
