import fp from 'fastify-plugin';
import type { Logger } from 'pino';
import { listenForProgress, type ProgressFeed } from '../../adapters/progress/registration-progress.js';

declare module 'fastify' {
  interface FastifyInstance {
    progress: ProgressFeed;
  }
}

interface ProgressPluginOptions {
  /** A feed someone else owns (a test's); it is left open on close. */
  progress?: ProgressFeed;
}

/** The workers' announcements that a registration moved on (PostgreSQL LISTEN), one connection per API instance. */
export default fp<ProgressPluginOptions>(
  async (app, opts) => {
    const progress = opts.progress ?? (await listenForProgress(app.config.DATABASE_URL, app.log as unknown as Logger));
    app.decorate('progress', progress);
    if (!opts.progress) app.addHook('onClose', async () => progress.close());
  },
  { name: 'progress', dependencies: ['config', 'knex'] },
);
