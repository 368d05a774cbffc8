import fc from 'fast-check';

/** The JSON Schema subset TypeBox writes into the OpenAPI document. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

/** Text with what breaks parsers and rules: Persian and Arabic letters and digits, zero-width joiners, controls, emoji. */
const awkwardText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    'null',
    '0',
    '-1',
    '۰۹۱۲۳۴۵۶۷۸۹',
    '٠١٢',
    'علی\u200cرضا',
    '\u0000',
    '\ud800',
    '<script>',
    "'; drop table x;--",
    '../../etc/passwd',
    '%00',
    'a'.repeat(10_000),
    '1e309',
    '9'.repeat(40),
  ),
);

function stringFor(s: JsonSchema): fc.Arbitrary<string> {
  if (s.format === 'uuid') return fc.uuid();
  if (s.format === 'date-time')
    return fc
      .date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString());
  if (s.format === 'date')
    return fc
      .date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  if (s.format === 'email') return fc.emailAddress();
  if (s.pattern) {
    try {
      return fc
        .stringMatching(new RegExp(s.pattern))
        .filter((v) => v.length <= (s.maxLength ?? 10_000) && v.length >= (s.minLength ?? 0));
    } catch {
      // A pattern JavaScript's engine cannot read: plain text below.
    }
  }
  return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 200) });
}

/** Values the schema accepts, as far as its keywords say; `depth` bounds nesting. */
export function valid(schema: JsonSchema | undefined, depth = 3): fc.Arbitrary<unknown> {
  if (!schema || depth < 0) return fc.jsonValue({ maxDepth: 2 });
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return fc.oneof(...union.map((s) => valid(s, depth - 1)));
  if (schema.allOf) return valid(Object.assign({}, ...schema.allOf) as JsonSchema, depth - 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringFor(schema);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valid(schema.items, depth - 1), { maxLength: 4 });
    case 'object': {
      const props = schema.properties ?? {};
      const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, valid(v, depth - 1)]));
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in props) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/**
 * Values near the schema and far from it: valid ones, valid ones with a field dropped, retyped or
 * replaced by awkward text, extra fields, and any JSON at all (arrays, strings, numbers, null).
 */
export function nearAndFar(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  const props = Object.keys(schema?.properties ?? {});
  const mutated = valid(schema).chain((v) => {
    if (!v || typeof v !== 'object' || Array.isArray(v) || props.length === 0) return fc.constant(v);
    return fc
      .record({
        key: fc.constantFrom(...props),
        how: fc.constantFrom('drop', 'retype', 'text', 'extra'),
        junk: fc.jsonValue({ maxDepth: 2 }),
        text: awkwardText,
      })
      .map(({ key, how, junk, text }) => {
        const copy: Record<string, unknown> = { ...(v as Record<string, unknown>) };
        if (how === 'drop') delete copy[key];
        else if (how === 'retype') copy[key] = junk;
        else if (how === 'text') copy[key] = text;
        else copy[`${key}_extra`] = junk;
        return copy;
      });
  });
  return fc.oneof(
    { weight: 3, arbitrary: valid(schema) },
    { weight: 4, arbitrary: mutated },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }) },
  );
}

export { awkwardText };
