import fp from 'fastify-plugin';
import { createZeebeClient, type ZeebeClient } from '../../adapters/camunda/camunda-client.js';

declare module 'fastify' {
  interface FastifyInstance {
    zeebe: ZeebeClient;
  }
}

export interface ZeebePluginOptions {
  zeebe?: ZeebeClient;
}

/** Starts instances and completes the applicant's job-based user tasks. */
export default fp<ZeebePluginOptions>(
  async (app, opts) => {
    const zeebe = opts.zeebe ?? createZeebeClient(app.config);
    app.decorate('zeebe', zeebe);
    if (!opts.zeebe) app.addHook('onClose', async () => zeebe.close());
  },
  { name: 'zeebe', dependencies: ['config'] },
);
