import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, notFound } from '../errors/app-error.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** preParsing hook for every per-registration route: the registration exists and the bearer token is its own. */
    requireApplicant: (request: FastifyRequest) => Promise<void>;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * Runs at preParsing: after the rate limit (onRequest), so guessing is counted, and before the body
 * is read, so an upload without the right token is refused before its 5 MB arrive. An id that is no
 * UUID cannot exist, so it is a 404 without a query.
 */
export default fp(
  async (app) => {
    app.decorate('requireApplicant', async (request: FastifyRequest) => {
      const { id } = request.params as { id?: string };
      if (!id || !UUID.test(id)) throw notFound();
      const token = bearerToken(request.headers.authorization);
      if (!token) throw new AppError('unauthorized', 401);
      await app.registrations.authenticate(id, token);
    });
  },
  { name: 'applicant-auth', dependencies: ['services'] },
);
