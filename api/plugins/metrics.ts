import fp from 'fastify-plugin';
import { Histogram, Registry } from 'prom-client';
import { registerProcessFigures } from '../../adapters/metrics/process-figures.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** What GET /metrics on the API's metrics port serves (api/server.ts starts it; the proxy never publishes it). */
    metricsRegistry: Registry;
  }
}

/**
 * The API's requests by route (the route's pattern, never the path with its ids) and status, with their
 * latency, and the process figures; a registry per app, so apps built side by side in tests count apart.
 */
export default fp(
  async (app) => {
    const registry = new Registry();
    const requests = new Histogram({
      name: 'payam_api_request_duration_seconds',
      help: 'API requests by method, route and status, with their duration',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    app.addHook('onResponse', async (request, reply) => {
      requests.observe(
        { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
    });
    registerProcessFigures(registry, app.db, app.engine, app.config.REVIEW_REMINDER);
    app.decorate('metricsRegistry', registry);
  },
  { name: 'metrics', dependencies: ['config', 'knex', 'engine'] },
);
