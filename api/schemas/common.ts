import { Type } from '@sinclair/typebox';

export const MessageTextSchema = Type.Object({ fa: Type.String(), en: Type.String() });

const ErrorSchema = Type.Object({
  error: Type.Object({
    id: Type.String({ description: 'Stable message id, e.g. validation_failed, unauthorized, rate_limited' }),
    text: MessageTextSchema,
    fields: Type.Optional(
      Type.Array(Type.Object({ field: Type.String(), id: Type.String(), text: MessageTextSchema })),
    ),
    missing: Type.Optional(Type.Array(Type.String(), { description: 'What a submit still needs: applicant, letter' })),
    retryAt: Type.Optional(Type.String({ format: 'date-time' })),
    retryAfterSeconds: Type.Optional(Type.Integer()),
    step: Type.Optional(
      Type.String({ description: 'The step the registration is at, when a request does not fit it' }),
    ),
    problems: Type.Optional(
      Type.Array(
        Type.Object({
          rule: Type.String({
            description: 'The deploy gate\'s rule, or "migration" for an instruction the engine refuses',
          }),
          elementId: Type.String(),
          text: MessageTextSchema,
        }),
        {
          description: 'Why a model was not deployed, or a migration plan not accepted: each problem with its element',
        },
      ),
    ),
  }),
});

/** Every route may answer these; listing them documents them and serialises them with the same schema. */
export const errorResponses = { '4xx': ErrorSchema, '5xx': ErrorSchema };

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid', description: 'The registration id' }) });

export const bearer = [{ bearer: [] as string[] }];

/** A union of string literals whose static type stays the union (`T`), not `string`. */
export const literals = <T extends string>(values: readonly T[], options: { default?: T; description?: string } = {}) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    options,
  );
