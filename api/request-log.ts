import type { FastifyInstance } from 'fastify';

/**
 * One line per request, in place of Fastify's own two: method, path (ids are no personal data),
 * status and time. Not the query string, the headers (the bearer token), the client address or any
 * body. Fastify's lines would log the request object, which the logger's deep redaction walks whole.
 */
export function logRequests(app: FastifyInstance) {
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        path: request.url.split('?')[0],
        statusCode: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request completed',
    );
  });
}
