import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { limitTo } from '../plugins/rate-limit.js';
import { verifiedBearer } from '../plugins/session-bearer.js';
import { signedInStaff } from '../plugins/staff-auth.js';
import { SessionSchema, StaffLoginBody, StaffMeSchema, staffBearer } from '../schemas/auth.js';
import { errorResponses } from '../schemas/common.js';

const tags = ['staff'];

/** The IT office's reviewers and the supervisors sign in here; every attempt is in the audit log. */
export default async function staffSessionRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { config } = app;

  app.post(
    '/api/staff/login',
    {
      schema: {
        tags,
        summary: 'Staff login; the same 401 whatever was wrong, 429 account_locked after repeated failures',
        body: StaffLoginBody,
        response: { 200: SessionSchema, ...errorResponses },
      },
      config: limitTo(config.RATE_LIMIT_LOGIN_MAX),
    },
    async (request) => {
      const { token, expiresAt } = await app.staffAuth.login(request.body);
      return { token, expiresAt: expiresAt.toISOString() };
    },
  );

  app.get(
    '/api/staff/me',
    {
      schema: {
        tags,
        summary: 'The signed-in staff member and role',
        security: staffBearer,
        response: { 200: StaffMeSchema, ...errorResponses },
      },
      preParsing: app.staffOnly(),
    },
    async (request) => {
      const { username, role } = signedInStaff(request);
      return { username, role };
    },
  );

  app.post(
    '/api/staff/logout',
    {
      schema: {
        tags,
        summary: 'Ends the session at once',
        security: staffBearer,
        response: { 204: Type.Null(), ...errorResponses },
      },
      preParsing: app.staffOnly(),
    },
    async (request, reply) => {
      await app.staffAuth.logout(verifiedBearer(request, request.staff), signedInStaff(request));
      return reply.code(204).send(null);
    },
  );
}
