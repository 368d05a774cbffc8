import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import type { FieldProblem } from './app-error.js';

/**
 * Schema errors as one problem per field, in the shape the domain rules use. A missing or empty
 * value is `required`; any other schema breach (wrong type, too long, not a UUID) is `field_invalid`,
 * since the domain rules, which run after the schema, give the precise reasons. A breach of the
 * whole part (a JSON array or a text where an object belongs) names the part: `body`, `querystring`.
 */
export function validationFields(errors: readonly FastifySchemaValidationError[], part = 'body'): FieldProblem[] {
  const byField = new Map<string, FieldProblem>();
  for (const e of errors) {
    const params = e.params as { missingProperty?: string; additionalProperty?: string; limit?: number };
    const field =
      params.missingProperty ?? params.additionalProperty ?? e.instancePath.split('/').filter(Boolean)[0] ?? part;
    if (byField.has(field)) continue;
    const empty = e.keyword === 'required' || (e.keyword === 'minLength' && params.limit === 1);
    byField.set(field, { field, code: empty ? 'required' : 'field_invalid' });
  }
  return [...byField.values()];
}
