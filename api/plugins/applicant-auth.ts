import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { RegistrationRow } from '../../db/registrations-repo.js';
import { bearerToken } from '../auth/session-token.js';
import { UUID_PATTERN } from '../captcha/captcha-service.js';
import { notFound, unauthorized } from '../errors/app-error.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** preParsing hook for every per-registration route: the registration exists and the bearer token is its own. */
    requireApplicant: (request: FastifyRequest) => Promise<void>;
  }
  interface FastifyRequest {
    /** The registration the applicant's hook authenticated, as read then; the services check its status. */
    registration: RegistrationRow | null;
  }
}

/** The registration the hook found; a route without the hook gets a 401 rather than a crash. */
export function applicantRegistration(request: FastifyRequest): RegistrationRow {
  if (!request.registration) throw unauthorized();
  return request.registration;
}

/**
 * Runs at preParsing: after the rate limit (onRequest), so guessing is counted, and before the body
 * is read, so an upload without the right token is refused before its 5 MB arrive. An id that is no
 * UUID cannot exist, so it is a 404 without a query.
 */
export default fp(
  async (app) => {
    app.decorateRequest('registration', null);
    app.decorate('requireApplicant', async (request: FastifyRequest) => {
      const { id } = request.params as { id?: string };
      if (!id || !UUID_PATTERN.test(id)) throw notFound();
      const token = bearerToken(request.headers.authorization);
      if (!token) throw unauthorized();
      request.registration = await app.registrations.authenticate(id, token);
    });
  },
  { name: 'applicant-auth', dependencies: ['services'] },
);
