import fp from 'fastify-plugin';
import { createHistoryReader } from '../../adapters/engine-history/history-reader.js';
import { createMonitorService, type MonitorService } from '../monitor/monitor-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    monitor: MonitorService;
  }
}

interface MonitorPluginOptions {
  now?: () => Date;
}

/** The office's process monitor, with its own small pool to the engine's history as the read-only role; closed with the app. */
export default fp<MonitorPluginOptions>(
  async (app, opts) => {
    const reader = createHistoryReader(app.config);
    app.addHook('onClose', () => reader.close());
    app.decorate(
      'monitor',
      createMonitorService({
        db: app.db,
        engine: app.engine,
        reader,
        config: app.config,
        now: opts.now ?? (() => new Date()),
      }),
    );
  },
  { name: 'monitor', dependencies: ['config', 'knex', 'engine'] },
);
