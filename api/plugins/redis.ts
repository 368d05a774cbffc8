import fp from 'fastify-plugin';
import { Redis } from 'ioredis';

declare module 'fastify' {
  interface FastifyInstance {
    redis: Redis;
  }
}

interface RedisPluginOptions {
  redis?: Redis;
}

/** Holds the rate-limit counters, shared by every API instance. */
export default fp<RedisPluginOptions>(
  async (app, opts) => {
    // Few retries and a command timeout: a Redis outage must not hold applicants' requests for long.
    const redis = opts.redis ?? new Redis(app.config.REDIS_URL, { maxRetriesPerRequest: 1, commandTimeout: 1_000 });
    redis.on('error', (err: Error) =>
      app.log.warn({ err: { name: err.name, message: err.message } }, 'redis unavailable'),
    );
    app.decorate('redis', redis);
    if (!opts.redis)
      app.addHook('onClose', async () => {
        await redis.quit().catch(() => redis.disconnect());
      });
  },
  { name: 'redis', dependencies: ['config'] },
);
