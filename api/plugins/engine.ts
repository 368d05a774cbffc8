import fp from 'fastify-plugin';
import { serviceEngine } from '../../adapters/engine/connect.js';
import type { ProcessEngine } from '../../adapters/engine/process-engine.js';

declare module 'fastify' {
  interface FastifyInstance {
    engine: ProcessEngine;
  }
}

interface EnginePluginOptions {
  engine?: ProcessEngine;
}

/** Starts instances and finds and completes user tasks, through the engine's REST API as the service account. */
export default fp<EnginePluginOptions>(
  async (app, opts) => {
    // HTTP with no connection of its own to close: nothing to do on close.
    app.decorate('engine', opts.engine ?? serviceEngine(app.config));
  },
  { name: 'engine', dependencies: ['config'] },
);
