import path from 'node:path';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { projectRoot } from '../../config/paths.js';
import { registerAdminRoutes } from './admin-routes.js';
import { registerPublicRoutes } from './public-routes.js';
import { registerRaRoutes } from './ra-routes.js';
import { createCaState } from './state.js';

/** Where the test CA keeps its root and intermediate (and where the services' development trust anchors point). */
export const DEFAULT_CA_DIR = path.join(projectRoot, '.cache', 'ca');

export type CaSimulatorOptions = {
  dir?: string;
  /** The RA's bearer token for /ra/… (the services' CA_RA_TOKEN). */
  raToken?: string;
  /** The address certificates name for their CRL; by default the one each request came in on. */
  publicUrl?: string;
  logger?: FastifyBaseLogger;
  /** The CA's clock (CRL dates, revocations); tests share one with the services' CRL cache. */
  now?: () => Date;
};

/**
 * A stand-in for an intermediate CA (GICA-like) with its CRL publication point and its RA interface.
 * The root and intermediate are kept in `dir`; what it issued and revoked is in memory, owned by this instance.
 */
export async function buildCaSimulator(opts: CaSimulatorOptions = {}): Promise<FastifyInstance> {
  // forceCloseConnections: a hanging "timeout" call must not keep close() waiting.
  const app = Fastify({ loggerInstance: opts.logger, forceCloseConnections: true, bodyLimit: 20 * 1024 * 1024 });
  const state = await createCaState(opts.dir ?? DEFAULT_CA_DIR, opts.now);
  app.get('/health', async () => ({ status: 'ok' }));
  registerPublicRoutes(app, state);
  registerRaRoutes(app, state, { token: opts.raToken ?? 'sim-ra-token', publicUrl: opts.publicUrl });
  registerAdminRoutes(app, state, { publicUrl: opts.publicUrl });
  return app;
}
