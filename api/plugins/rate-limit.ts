import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors/app-error.js';

interface RateLimitPluginOptions {
  /** Prefix of the Redis keys; tests use their own so that runs do not share counters. */
  nameSpace?: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Counts one request of `name` from the client's address in the window (RATE_LIMIT_WINDOW_SECONDS)
     * and says whether it is past `max`, for a route that then asks for more (a captcha) rather than refusing.
     */
    countRequest: (
      name: string,
      request: FastifyRequest,
      max: number,
    ) => Promise<{ over: boolean; resetSeconds: number }>;
  }
}

/** Off by default; the routes that start, submit, enter codes or ask for captchas set their own limit. */
export default fp<RateLimitPluginOptions>(
  async (app, opts) => {
    const nameSpace = opts.nameSpace ?? 'payam:rate-limit:';
    const windowMs = app.config.RATE_LIMIT_WINDOW_SECONDS * 1000;
    await app.register(rateLimit, {
      global: false,
      redis: app.redis,
      nameSpace,
      timeWindow: windowMs,
      // Fail safe: while Redis is unreachable no limit can be counted, so limited routes answer 503
      // (service_unavailable, through the error handler) rather than letting unlimited requests through.
      skipOnError: false,
      errorResponseBuilder: (_request, context) =>
        new AppError('rate_limited', 429, [], { retryAfterSeconds: Math.ceil(context.ttl / 1000) }),
    });

    app.decorate('countRequest', async (name: string, request: FastifyRequest, max: number) => {
      const key = `${nameSpace}count:${name}:${request.ip}`;
      try {
        const replies = await app.redis.multi().incr(key).pexpire(key, windowMs, 'NX').pttl(key).exec();
        const count = Number(replies?.[0]?.[1] ?? 0);
        const ttl = Number(replies?.[2]?.[1] ?? windowMs);
        return { over: count > max, resetSeconds: Math.ceil(Math.max(ttl, 0) / 1000) };
      } catch (err) {
        // As the limits above: fail safe, the request is refused with 503 rather than counted as nothing.
        request.log.warn(
          { err: { name: (err as Error).name, message: (err as Error).message } },
          'request counter unavailable',
        );
        throw new AppError('service_unavailable', 503, [], { retryAfterSeconds: 5 });
      }
    });
  },
  { name: 'rate-limit', dependencies: ['config', 'redis'] },
);

/** The per-route setting, for `config:` in a route's options; the window is the plugin's (RATE_LIMIT_WINDOW_SECONDS). */
export const limitTo = (max: number) => ({ rateLimit: { max } });
