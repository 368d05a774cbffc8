import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { createRequestStatus } from '../certificates/request-status.js';
import { limitTo } from '../plugins/rate-limit.js';
import { errorResponses } from '../schemas/common.js';
import { PublicStatusSchema, TrackingParams } from '../schemas/ra.js';

/** The applicant's view of a certificate request (seed 001: pay, get a tracking code, follow it): no login, rate-limited. */
export default async function certificateStatusRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const status = createRequestStatus(app.db);
  app.get(
    '/api/certificate-requests/:trackingCode/status',
    {
      schema: {
        tags: ['registration office'],
        summary:
          'Where a certificate request is (received, checking, issued, rejected with reason, revoked); nothing personal',
        params: TrackingParams,
        response: { 200: PublicStatusSchema, ...errorResponses },
      },
      config: limitTo(app.config.RATE_LIMIT_STATUS_MAX),
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return status(request.params.trackingCode);
    },
  );
}
