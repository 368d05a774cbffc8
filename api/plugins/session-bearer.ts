import type { FastifyRequest } from 'fastify';
import { bearerToken } from '../auth/session-token.js';
import { unauthorized } from '../errors/app-error.js';

/**
 * The session's bearer token, for the services that end it. `principal` is what the route's hook
 * verified (`request.staff`, `request.account`); without it the route had no hook, and gets a 401.
 */
export function verifiedBearer(request: FastifyRequest, principal: object | null): string {
  const token = bearerToken(request.headers.authorization);
  if (!token || !principal) throw unauthorized();
  return token;
}
