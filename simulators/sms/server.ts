import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { registerAdminRoutes } from './admin-routes.js';
import { registerKavenegarRoutes } from './kavenegar-routes.js';
import { createSmsState, type SentMessage } from './state.js';

export type SmsSimulatorOptions = {
  apiKey?: string;
  logger?: FastifyBaseLogger;
  onMessage?: (message: SentMessage) => void;
};

/** A stand-in for Kavenegar's REST API; what it "delivers" is readable at `/__sim/messages`. */
export function buildSmsSimulator(opts: SmsSimulatorOptions = {}): FastifyInstance {
  const app = Fastify({
    loggerInstance: opts.logger,
    // The API key sits in the path and the receptor and text in the query: never log request URLs.
    logController: new LogController({ disableRequestLogging: true }),
    // A hanging "timeout" call must not keep close() waiting.
    forceCloseConnections: true,
  });
  // Kavenegar clients post forms; Fastify parses only JSON out of the box.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  const state = createSmsState(opts.onMessage);
  app.get('/health', async () => ({ status: 'ok' }));
  registerAdminRoutes(app, state);
  registerKavenegarRoutes(app, state, opts.apiKey ?? 'sim-api-key');
  return app;
}
