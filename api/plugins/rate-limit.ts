import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import { AppError } from '../errors/app-error.js';

export interface RateLimitPluginOptions {
  /** Prefix of the Redis keys; tests use their own so that runs do not share counters. */
  nameSpace?: string;
}

/** Off by default; the routes that start, submit, enter codes or ask for captchas set their own limit. */
export default fp<RateLimitPluginOptions>(
  async (app, opts) => {
    await app.register(rateLimit, {
      global: false,
      redis: app.redis,
      nameSpace: opts.nameSpace ?? 'payam:rate-limit:',
      timeWindow: app.config.RATE_LIMIT_WINDOW_SECONDS * 1000,
      // A Redis outage lets requests through (logged by the redis plugin) rather than stopping registration.
      skipOnError: true,
      errorResponseBuilder: (_request, context) =>
        new AppError('rate_limited', 429, [], { retryAfterSeconds: Math.ceil(context.ttl / 1000) }),
    });
  },
  { name: 'rate-limit', dependencies: ['config', 'redis'] },
);

/** The per-route setting, for `config:` in a route's options; the window is the plugin's (RATE_LIMIT_WINDOW_SECONDS). */
export const limitTo = (max: number) => ({ rateLimit: { max } });
