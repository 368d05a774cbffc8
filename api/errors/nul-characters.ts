import type { FastifyRequest } from 'fastify';
import { AppError } from './app-error.js';

/** The first place in a parsed value holding a NUL character, as `a.b.0`; undefined when none. */
function nulAt(value: unknown, at: string[] = []): string[] | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? at : undefined;
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      const found = nulAt(v, [...at, k]);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * PostgreSQL cannot store a NUL character in text, and would fail the query (a 500). No field of
 * ours has a use for one, so it is refused up front: 422 naming the field (or the part).
 */
export async function refuseNulCharacters(request: FastifyRequest) {
  for (const [part, value] of [
    ['params', request.params],
    ['querystring', request.query],
    ['body', request.body],
  ] as const) {
    const found = nulAt(value);
    if (found) throw new AppError('validation_failed', 422, [{ field: found[0] ?? part, code: 'field_invalid' }]);
  }
}
