/**
 * Whether an error means a service the API stands on (PostgreSQL, Redis, the engine) could not be
 * reached, rather than a fault in the request or in our code. Such a request is answered 503 with
 * `service_unavailable`: each request runs in its own transaction, so nothing of it was kept, and
 * the client may send it again.
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EAI_AGAIN',
]);
// PostgreSQL's SQLSTATE classes 08 (connection exception), 57P (operator intervention: shutdown, restart), 53300 (too many connections).
const PG_UNAVAILABLE = /^(08...|57P0[1-4]|53300)$/;
const MESSAGES = [
  /(^| - )Connection terminated/, // pg: the server went away mid-query (knex puts the statement and ' - ' first)
  /is not queryable$/, // pg: a pooled client whose connection broke while idle
  /^Connection is closed\.?$/, // ioredis
  /^Command timed out$/, // ioredis commandTimeout
  /Reached the max retries per request limit/, // ioredis maxRetriesPerRequest
  /Stream isn't writeable/, // ioredis offline without its queue
  /^Knex: Timeout acquiring a connection/, // the pool could not open a connection in time
];
/**
 * The engine answered, but its own database is away (one PostgreSQL server restarting under both): it says
 * 500 with Operaton's persistence exception, and rolled its transaction back, so the request may be sent again.
 */
const ENGINE_DATABASE_AWAY = /ProcessEnginePersistenceException|An exception occurred in the persistence layer/;

export function dependencyUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as { code?: unknown; name?: unknown; message?: unknown; errors?: unknown };
  if (e.name === 'EngineUnavailableError' || e.name === 'KnexTimeoutError' || e.name === 'MaxRetriesPerRequestError')
    return true;
  if (e.name === 'EngineError' && typeof e.message === 'string' && ENGINE_DATABASE_AWAY.test(e.message)) return true;
  if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || PG_UNAVAILABLE.test(e.code))) return true;
  if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string))) return true;
  // Node's AggregateError: every address of a host refused (127.0.0.1 and ::1).
  return Array.isArray(e.errors) && e.errors.length > 0 && e.errors.every(dependencyUnavailable);
}
