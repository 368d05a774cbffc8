import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { awkwardText, nearAndFar, valid, type JsonSchema } from './schema-arbitrary.js';

interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
  security?: Record<string, string[]>[];
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
}

/** What the fuzzer puts in a request beyond the schema, read as it is sent: live ids and tokens of each kind. */
export interface FuzzContext {
  /** A registration whose token is live, picked by `pick` (0 ≤ pick < 1). */
  registrationId: (pick: number) => string;
  /** A valid bearer token per security scheme (bearer: the registration's own; staffBearer; accountBearer). */
  tokenFor: (scheme: string, registrationId?: string) => string | undefined;
}

/** One generated request; `build` fills in the live ids and tokens when it is sent (sessions end during a run). */
export interface FuzzRequest {
  operation: string;
  build: (ctx: FuzzContext) => InjectOptions;
}

const LIVE = '\u0000live:';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Every operation of the document, as `METHOD /path` with its description. */
export function operationsOf(doc: OpenApiDocument) {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    METHODS.filter((m) => ops[m]).map((m) => ({
      name: `${m.toUpperCase()} ${path}`,
      method: m.toUpperCase() as Uppercase<(typeof METHODS)[number]>,
      path,
      op: ops[m]!,
    })),
  );
}

/** A lone surrogate cannot be percent-encoded; it is sent as the bytes of U+FFFD, as a browser would. */
const encodeSegment = (s: string) =>
  encodeURIComponent(s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));

const pathValue = fc.oneof(
  { weight: 5, arbitrary: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }).map((p) => `${LIVE}${p}`) },
  { weight: 2, arbitrary: fc.uuid() },
  { weight: 2, arbitrary: awkwardText.filter((s) => s.length > 0 && s.length < 2_000).map(encodeSegment) },
  { weight: 1, arbitrary: fc.constantFrom('%zz', '%', '..', '%2e%2e', '00000000-0000-0000-0000-000000000000') },
);

/** The body and its content type: JSON near or far from the schema, other types, broken JSON, multipart. */
function bodyFor(op: Operation): fc.Arbitrary<{ payload?: string | Buffer; contentType?: string }> {
  const content = op.requestBody?.content ?? {};
  const jsonSchema = content['application/json']?.schema;
  const json = nearAndFar(jsonSchema).map((v) => ({
    payload: JSON.stringify(v) ?? 'null',
    contentType: 'application/json',
  }));
  const other = fc.oneof(
    awkwardText.map((t) => ({ payload: t, contentType: 'text/plain' })),
    fc
      .constantFrom('{"a":', '[1,2', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}', '', ' ', 'nul')
      .map((t) => ({ payload: t, contentType: 'application/json' })),
    fc
      .dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 }), { maxKeys: 3 })
      .map((d) => ({ payload: new URLSearchParams(d).toString(), contentType: 'application/x-www-form-urlencoded' })),
    fc
      .constantFrom(
        'application/xml',
        'application/octet-stream',
        'image/png',
        'application/json; charset=latin1',
        'application/json;;',
        'multipart/form-data',
      )
      .chain((ct) => awkwardText.map((t) => ({ payload: t, contentType: ct }))),
    fc.constant({}),
  );
  const multipart = fc
    .record({
      field: fc.constantFrom('letter', 'letter', 'file', ''),
      files: fc.integer({ min: 0, max: 3 }),
      bytes: fc.oneof(
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom(
          new Uint8Array(Buffer.from('%PDF-1.4\n%%EOF')),
          new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
          new Uint8Array([0xff, 0xd8, 0xff]),
        ),
      ),
      type: fc.constantFrom('application/pdf', 'image/png', 'image/jpeg', 'text/plain', ''),
      name: awkwardText.filter((s) => !/["\r\n]/.test(s)),
      broken: fc.boolean(),
    })
    .map(({ field, files, bytes, type, name, broken }) => {
      const boundary = 'fuzzBoundary7MA4YWxk';
      const parts = Array.from({ length: files }, () =>
        Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\n${type ? `Content-Type: ${type}\r\n` : ''}\r\n`,
          ),
          Buffer.from(bytes),
          Buffer.from('\r\n'),
        ]),
      );
      const end = broken ? Buffer.alloc(0) : Buffer.from(`--${boundary}--\r\n`);
      return { payload: Buffer.concat([...parts, end]), contentType: `multipart/form-data; boundary=${boundary}` };
    });
  if (content['multipart/form-data'])
    return fc.oneof(
      { weight: 4, arbitrary: multipart },
      { weight: 1, arbitrary: json },
      { weight: 1, arbitrary: other },
    );
  if (jsonSchema) return fc.oneof({ weight: 5, arbitrary: json }, { weight: 2, arbitrary: other });
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant({}) },
    { weight: 1, arbitrary: json },
    { weight: 1, arbitrary: other },
  );
}

/** One request to one operation of the document, with the right token most of the time and others besides. */
export function requestArbitrary(doc: OpenApiDocument): fc.Arbitrary<FuzzRequest> {
  const ops = operationsOf(doc).map(({ name, method, path, op }) => {
    const params = op.parameters ?? [];
    const pathParams = params.filter((p) => p.in === 'path');
    const queryParams = params.filter((p) => p.in === 'query');
    const schemes = (op.security ?? []).flatMap((s) => Object.keys(s));
    const query = fc.record(
      Object.fromEntries(queryParams.map((p) => [p.name, fc.oneof(valid(p.schema).map(String), awkwardText)])),
      { requiredKeys: [] },
    );
    const extraQuery = fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 12 }), { maxKeys: 2 });
    const auth = fc.constantFrom('right', 'right', 'right', 'other-kind', 'garbage', 'none');
    return fc
      .record({
        ids: fc.tuple(...(pathParams.length ? pathParams.map(() => pathValue) : [fc.constant('')])),
        query,
        extraQuery,
        auth,
        body: bodyFor(op),
        garbage: awkwardText,
        otherScheme: fc.constantFrom('bearer', 'staffBearer', 'accountBearer'),
        address: fc.integer({ min: 1, max: 40 }),
      })
      .map(({ ids, query, extraQuery, auth, body, garbage, otherScheme, address }): FuzzRequest => ({
        operation: name,
        build(ctx) {
          const live = ids.map((v) => (v.startsWith(LIVE) ? ctx.registrationId(Number(v.slice(LIVE.length))) : v));
          let url = path;
          pathParams.forEach((p, i) => {
            url = url.replace(`{${p.name}}`, live[i]!);
          });
          const qs = new URLSearchParams({ ...extraQuery, ...(query as Record<string, string>) }).toString();
          const registrationId = pathParams.length ? live[0] : undefined;
          const scheme = schemes[0] ?? otherScheme;
          const token =
            auth === 'right'
              ? ctx.tokenFor(scheme, registrationId)
              : auth === 'other-kind'
                ? ctx.tokenFor(otherScheme === scheme ? 'staffBearer' : otherScheme, registrationId)
                : auth === 'garbage'
                  ? garbage
                  : undefined;
          const headers: Record<string, string> = {};
          if (token !== undefined) headers.authorization = `Bearer ${token.replace(/[\r\n]/g, '')}`;
          if (body.contentType) headers['content-type'] = body.contentType;
          return {
            method,
            url: qs ? `${url}?${qs}` : url,
            headers,
            remoteAddress: `10.77.0.${address}`,
            ...(body.payload !== undefined ? { payload: body.payload } : {}),
          };
        },
      }));
  });
  return fc.oneof(...ops);
}

/** What every answer must be: no server error; an error body with a stable id and both texts; a 422 names its field or path. */
export function problemsOf(res: { statusCode: number; headers: Record<string, unknown>; body: string }): string[] {
  const problems: string[] = [];
  if (res.statusCode >= 500) problems.push(`status ${res.statusCode}`);
  if (res.statusCode < 400) return problems;
  let body: { error?: { id?: unknown; text?: { fa?: unknown; en?: unknown }; fields?: { field?: unknown }[] } };
  try {
    body = JSON.parse(res.body);
  } catch {
    return [...problems, `error body is not JSON: ${res.body.slice(0, 80)}`];
  }
  const e = body.error;
  if (!e || typeof e.id !== 'string') problems.push('error without an id');
  if (typeof e?.text?.fa !== 'string' || !/[\u0600-\u06FF]/.test(e.text.fa))
    problems.push('error without a Persian text');
  if (typeof e?.text?.en !== 'string' || e.text.en.length === 0) problems.push('error without an English text');
  if (
    res.statusCode === 422 &&
    !(e?.fields?.length && e.fields.every((f) => typeof f.field === 'string' && f.field.length > 0))
  )
    problems.push('422 naming no field');
  return problems;
}
