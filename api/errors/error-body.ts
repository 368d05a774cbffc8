import { messageText, type MessageCode } from '../../domain/messages.js';
import type { FieldProblem } from './app-error.js';

/** What a client may learn from an error's detail; anything else stays in the server's logs. */
function publicDetail(detail: Record<string, unknown>) {
  const out: { missing?: string[]; retryAt?: string; retryAfterSeconds?: number; step?: string; problems?: unknown[] } =
    {};
  if (Array.isArray(detail.missing)) out.missing = detail.missing.map(String);
  if (typeof detail.retryAt === 'string') out.retryAt = detail.retryAt;
  if (typeof detail.retryAfterSeconds === 'number') out.retryAfterSeconds = detail.retryAfterSeconds;
  if (typeof detail.status === 'string') out.step = detail.status;
  // The deploy gate's and the migration's findings: about the model, never about a person.
  if (Array.isArray(detail.problems)) out.problems = detail.problems;
  return out;
}

/** The one shape of every error the API answers: a stable id, its texts, and per-field problems. */
export function errorBody(
  code: MessageCode,
  fields: readonly FieldProblem[] = [],
  detail: Record<string, unknown> = {},
) {
  return {
    error: {
      id: code,
      text: messageText(code),
      ...(fields.length > 0
        ? { fields: fields.map((f) => ({ field: f.field, id: f.code, text: messageText(f.code) })) }
        : {}),
      ...publicDetail(detail),
    },
  };
}
