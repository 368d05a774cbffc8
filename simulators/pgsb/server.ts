import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { registerAdminRoutes } from './admin-routes.js';
import type { BusCredentials } from './bus-auth.js';
import { registerBusRoutes } from './bus-routes.js';
import { createPgsbState } from './state.js';

export type PgsbSimulatorOptions = Partial<BusCredentials> & { logger?: FastifyBaseLogger };

/**
 * A stand-in for PGSB with the civil registry and Shahkar behind it, so the real client
 * can be exercised over HTTP. State is in memory and owned by this instance.
 */
export function buildPgsbSimulator(opts: PgsbSimulatorOptions = {}): FastifyInstance {
  // forceCloseConnections: a hanging "timeout" call must not keep close() waiting.
  const app = Fastify({ loggerInstance: opts.logger, forceCloseConnections: true });
  const state = createPgsbState();
  app.get('/health', async () => ({ status: 'ok' }));
  registerAdminRoutes(app, state);
  registerBusRoutes(app, state, { token: opts.token ?? 'sim-token', basic: opts.basic });
  return app;
}
