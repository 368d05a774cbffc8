import { ajvFilePlugin } from '@fastify/multipart';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ProcessEngine } from '../adapters/engine/process-engine.js';
import type { ProgressFeed } from '../adapters/progress/registration-progress.js';
import { loadConfig, type Config } from '../config/config.js';
import { createLogger } from '../config/logger.js';
import { trustedProxies } from '../config/trusted-proxies.js';
import type { Db } from '../db/knex.js';
import { errorHandler, frameworkErrorHandler, notFoundHandler } from './errors/error-handler.js';
import { refuseInfiniteNumbers } from './errors/infinite-numbers.js';
import { refuseNulCharacters } from './errors/nul-characters.js';
import { logRequests } from './request-log.js';
import accountAuth from './plugins/account-auth.js';
import applicantAuth from './plugins/applicant-auth.js';
import configPlugin from './plugins/config.js';
import knexPlugin from './plugins/knex.js';
import metricsPlugin from './plugins/metrics.js';
import monitorPlugin from './plugins/monitor.js';
import progressPlugin from './plugins/progress.js';
import rateLimitPlugin from './plugins/rate-limit.js';
import redisPlugin from './plugins/redis.js';
import securityHeaders from './plugins/security-headers.js';
import serverTiming from './plugins/server-timing.js';
import servicesPlugin from './plugins/services.js';
import staffAuth from './plugins/staff-auth.js';
import swaggerPlugin from './plugins/swagger.js';
import webForm from './plugins/web-form.js';
import enginePlugin from './plugins/engine.js';
import accountSessionRoutes from './routes/account-session.js';
import captchaRoutes from './routes/captcha.js';
import certificateRoutes from './routes/certificates.js';
import certificateStatusRoutes from './routes/certificate-status.js';
import letterRoutes from './routes/letter.js';
import modelerRoutes from './routes/modeler.js';
import monitorRoutes from './routes/monitor.js';
import raRequestRoutes from './routes/ra-requests.js';
import registrationRoutes from './routes/registrations.js';
import reportRoutes from './routes/reports.js';
import reviewRoutes from './routes/reviews.js';
import staffSessionRoutes from './routes/staff-session.js';
import stepRoutes from './routes/steps.js';

export interface AppOptions {
  config: Config;
  /** Connections a caller owns (tests share the engine stack's); the app opens and closes its own otherwise. */
  db?: Db;
  engine?: ProcessEngine;
  progress?: ProgressFeed;
  redis?: Redis;
  now?: () => Date;
  rateLimitNameSpace?: string;
}

/** The API with the applicant's form and the reviewer, supervisor and login pages, as one plugin; `buildApp` wraps it in a server instance. */
async function app(fastify: FastifyInstance, opts: AppOptions) {
  await fastify.register(configPlugin, { config: opts.config });
  // First, so every response (errors, 404s, pages, the API) carries the security headers.
  await fastify.register(securityHeaders);
  await fastify.register(serverTiming);
  await fastify.register(knexPlugin, { db: opts.db });
  await fastify.register(redisPlugin, { redis: opts.redis });
  await fastify.register(enginePlugin, { engine: opts.engine });
  await fastify.register(progressPlugin, { progress: opts.progress });
  await fastify.register(metricsPlugin);
  await fastify.register(servicesPlugin, { now: opts.now });
  await fastify.register(monitorPlugin, { now: opts.now });
  await fastify.register(applicantAuth);
  await fastify.register(staffAuth);
  await fastify.register(accountAuth);
  await fastify.register(rateLimitPlugin, { nameSpace: opts.rateLimitNameSpace });
  await fastify.register(swaggerPlugin);

  logRequests(fastify);
  fastify.addHook('preValidation', refuseNulCharacters);
  fastify.addHook('preHandler', refuseInfiniteNumbers);
  fastify.setErrorHandler(errorHandler);
  fastify.setNotFoundHandler(notFoundHandler);

  await fastify.register(registrationRoutes);
  await fastify.register(letterRoutes);
  await fastify.register(stepRoutes);
  await fastify.register(captchaRoutes);
  await fastify.register(staffSessionRoutes);
  await fastify.register(reviewRoutes);
  await fastify.register(reportRoutes);
  await fastify.register(monitorRoutes);
  await fastify.register(modelerRoutes);
  await fastify.register(accountSessionRoutes);
  await fastify.register(certificateRoutes);
  await fastify.register(raRequestRoutes);
  await fastify.register(certificateStatusRoutes);
  await fastify.register(webForm);
}

export function buildApp(opts: Partial<AppOptions> & { logger?: Logger } = {}) {
  const config = opts.config ?? loadConfig();
  const server = Fastify({
    loggerInstance: opts.logger ?? createLogger({ level: config.LOG_LEVEL, name: 'api' }),
    // Our own request line (api/request-log.ts) logs no URL or body: those may carry personal data.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: trustedProxies(config.API_TRUST_PROXY),
    bodyLimit: 64 * 1024,
    frameworkErrors: frameworkErrorHandler,
    // allErrors: every wrong field in one answer, so the form marks them all at once.
    ajv: { customOptions: { allErrors: true }, plugins: [ajvFilePlugin] },
  });
  server.register(fp(app), { ...opts, config });
  return server;
}
