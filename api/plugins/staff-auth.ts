import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { StaffPermission } from '../../domain/staff.js';
import { unauthorized } from '../errors/app-error.js';
import { requirePermission } from '../auth/permissions.js';
import { bearerToken } from '../auth/session-token.js';
import type { StaffPrincipal } from '../auth/staff-auth.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** A preParsing hook: a live staff session (else 401) whose role grants `permission` (else 403). */
    staffOnly: (permission?: StaffPermission) => (request: FastifyRequest) => Promise<void>;
  }
  interface FastifyRequest {
    staff: StaffPrincipal | null;
  }
}

/** The staff member the hook found; a route without the hook gets a 401 rather than a crash. */
export function signedInStaff(request: FastifyRequest): StaffPrincipal {
  if (!request.staff) throw unauthorized();
  return request.staff;
}

/**
 * Runs at preParsing, like the applicant's check: after the rate limit and before the body is read
 * or validated, so a request without the right session learns nothing from a 422. The services
 * check the permission again; the hook's check makes "wrong role" a 403 whatever the request holds.
 */
export default fp(
  async (app) => {
    app.decorateRequest('staff', null);
    app.decorate('staffOnly', (permission?: StaffPermission) => async (request: FastifyRequest) => {
      const staff = await app.staffAuth.verify(bearerToken(request.headers.authorization));
      if (permission) requirePermission(staff, permission);
      request.staff = staff;
    });
  },
  { name: 'staff-auth', dependencies: ['services'] },
);
