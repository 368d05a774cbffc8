import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/app-error.js';
import { signedInAccount } from '../plugins/account-auth.js';
import { limitTo } from '../plugins/rate-limit.js';
import { verifiedBearer } from '../plugins/session-bearer.js';
import { AccountLoginBody, AccountMeSchema, SessionSchema, accountBearer } from '../schemas/auth.js';
import { errorResponses } from '../schemas/common.js';

const tags = ['account'];

/** The agency's account, made at card steps 11–12: the login the notices link to (PUBLIC_BASE_URL/login). */
export default async function accountSessionRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { config } = app;

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags,
        body: AccountLoginBody,
        response: { 200: SessionSchema, ...errorResponses },
        summary:
          'Account login with a captcha; the same 401 whatever was wrong, 429 account_locked after repeated failures',
      },
      config: limitTo(config.RATE_LIMIT_LOGIN_MAX),
    },
    async (request) => {
      const { captchaId, captcha, username, password } = request.body;
      // The captcha first: without it no password is tried, so no failure is counted against the name.
      const checked = await app.captchas.verify(captchaId, captcha);
      if (!checked.ok) {
        await app.accountAuth.captchaRefused(checked.code);
        throw new AppError(checked.code, 422, [{ field: 'captcha', code: checked.code }]);
      }
      const { token, expiresAt } = await app.accountAuth.login({ username, password });
      return { token, expiresAt: expiresAt.toISOString() };
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: {
        tags,
        summary: 'The signed-in account and its agency',
        security: accountBearer,
        response: { 200: AccountMeSchema, ...errorResponses },
      },
      preParsing: app.requireAccount,
    },
    async (request) => app.accountAuth.me(signedInAccount(request)),
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags,
        summary: 'Ends the session at once',
        security: accountBearer,
        response: { 204: Type.Null(), ...errorResponses },
      },
      preParsing: app.requireAccount,
    },
    async (request, reply) => {
      await app.accountAuth.logout(verifiedBearer(request, request.account), signedInAccount(request));
      return reply.code(204).send(null);
    },
  );
}
