import type { FastifyRequest } from 'fastify';
import { AppError } from './app-error.js';

/**
 * Ajv coerces a query value such as `1e309` or `Infinity` to an infinite number after its type check, and its
 * `minimum` and `maximum` apply to finite numbers only, so the value passes the schema and reaches the engine
 * as an offset (a 500). Checked after validation, on the coerced values: 422 naming the field.
 */
export async function refuseInfiniteNumbers(request: FastifyRequest) {
  for (const part of [request.params, request.query]) {
    if (!part || typeof part !== 'object') continue;
    for (const [field, value] of Object.entries(part)) {
      if (typeof value === 'number' && !Number.isFinite(value))
        throw new AppError('validation_failed', 422, [{ field, code: 'field_invalid' }]);
    }
  }
}
