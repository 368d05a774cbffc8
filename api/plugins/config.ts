import fp from 'fastify-plugin';
import type { Config } from '../../config/config.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
  }
}

interface ConfigPluginOptions {
  config: Config;
}

/** Validated once at start by `buildApp` (a bad variable stops the server); tests hand in the engine stack's settings. */
export default fp<ConfigPluginOptions>(
  async (app, opts) => {
    app.decorate('config', opts.config);
  },
  { name: 'config' },
);
