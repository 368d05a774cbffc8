import createClient, { type Middleware } from 'openapi-fetch';
import { EngineError, EngineUnavailableError } from './engine-errors.js';
import type { components, operations, paths } from './engine-rest-schema.js';

/** Generated from Camunda 7's published OpenAPI document (Operaton serves the same paths); see ops/engine/openapi-types.ts. */
export type EngineSchemas = components['schemas'];

/** The query parameters of one GET operation of the REST API, by its operation id. */
export type EngineQuery<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;

export interface EngineConnection {
  /**
   * Base of the REST API, e.g. http://127.0.0.1:8080/engine-rest; several nodes of one cluster
   * (one database) comma-separated, tried in turn when one does not answer.
   */
  url: string;
  user: string;
  password: string;
  /** Per request; a long poll adds its own wait on top. */
  timeoutMs?: number;
}

/**
 * The typed REST client: one per process, with HTTP Basic credentials of the service account.
 * Every non-2xx answer becomes an EngineError, so callers never read an error body as data.
 */
export function createEngineRest(conn: EngineConnection) {
  const authorization = `Basic ${Buffer.from(`${conn.user}:${conn.password}`).toString('base64')}`;
  const errors: Middleware = {
    onRequest({ request }) {
      request.headers.set('authorization', authorization);
      return request;
    },
    async onResponse({ response, request }) {
      if (response.ok) return response;
      const body = (await response
        .clone()
        .json()
        .catch(() => ({}))) as { type?: string; message?: string };
      throw new EngineError(
        response.status,
        body.type,
        body.message ?? response.statusText,
        new URL(request.url).pathname,
      );
    },
    onError({ error }) {
      if (error instanceof EngineError || (error as Error)?.name === 'AbortError') return error as Error;
      return new EngineUnavailableError(`engine not reachable at ${conn.url}: ${(error as Error)?.message ?? error}`);
    },
  };
  const nodes = engineNodes(conn.url);
  const client = createClient<paths>({
    baseUrl: nodes[0]!,
    fetch: nodes.length > 1 ? failoverFetch(nodes) : undefined,
  });
  client.use(errors);
  return client;
}

export type EngineRest = ReturnType<typeof createEngineRest>;

/** The engine nodes of a (comma-separated) ENGINE_URL, without trailing slashes. */
export const engineNodes = (url: string) =>
  url
    .split(',')
    .map((u) => u.trim().replace(/\/+$/, ''))
    .filter(Boolean);

/**
 * Fetch over the nodes of one engine cluster: a request that gets no answer at all (refused, reset)
 * is sent to the next node, and the node that answered is asked first from then on. An HTTP error
 * is the engine's answer and is not repeated elsewhere; nor is a request the caller aborted.
 */
function failoverFetch(nodes: string[]): (request: Request) => Promise<Response> {
  let current = 0;
  return async (request: Request) => {
    const path = request.url.slice(nodes[0]!.length);
    // Read once, sent as often as needed (a stream could be sent only once).
    const body = request.body ? await request.arrayBuffer() : undefined;
    let lastError: unknown;
    for (let i = 0; i < nodes.length; i++) {
      const n = (current + i) % nodes.length;
      try {
        const response = await fetch(nodes[n] + path, {
          method: request.method,
          headers: request.headers,
          body,
          signal: request.signal,
        });
        current = n;
        return response;
      } catch (err) {
        if (request.signal.aborted) throw err;
        lastError = err;
      }
    }
    throw lastError;
  };
}
