import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { signedInAccount } from '../plugins/account-auth.js';
import { limitTo } from '../plugins/rate-limit.js';
import { signedInStaff } from '../plugins/staff-auth.js';
import { accountBearer, SessionSchema, staffBearer } from '../schemas/auth.js';
import {
  AccountParams,
  BindingSchema,
  BindingsSchema,
  ChallengeSchema,
  SignedChallengeBody,
} from '../schemas/certificates.js';
import { errorResponses } from '../schemas/common.js';

const tags = ['certificate'];

/** The agency account's certificate, bound and used as Setad uses a token's: a signed one-time challenge each time. */
export default async function certificateRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const limit = limitTo(app.config.RATE_LIMIT_LOGIN_MAX);

  app.post(
    '/api/auth/certificate/challenge',
    {
      schema: {
        tags,
        summary: 'A one-time challenge to sign for a login by certificate',
        response: { 200: ChallengeSchema, ...errorResponses },
      },
      config: limit,
    },
    async () => app.certificateAuth.challenge('login', null),
  );

  app.post(
    '/api/auth/certificate/login',
    {
      schema: {
        tags,
        body: SignedChallengeBody,
        response: { 200: SessionSchema, ...errorResponses },
        summary:
          'Login by the signed challenge instead of the password: a certificate bound to an active account, valid, not revoked',
      },
      config: limit,
    },
    async (request) => {
      const { token, expiresAt } = await app.certificateAuth.login(request.body);
      return { token, expiresAt: expiresAt.toISOString() };
    },
  );

  app.post(
    '/api/account/certificate/challenge',
    {
      schema: {
        tags,
        summary: 'A one-time challenge to sign for binding a certificate to this account',
        security: accountBearer,
        response: { 200: ChallengeSchema, ...errorResponses },
      },
      preParsing: app.requireAccount,
    },
    async (request) => app.certificateAuth.challenge('bind', signedInAccount(request).accountId),
  );

  app.post(
    '/api/account/certificate',
    {
      schema: {
        tags,
        body: SignedChallengeBody,
        security: accountBearer,
        response: { 200: BindingSchema, ...errorResponses },
        summary:
          'Binds the certificate that signed the challenge (chain, CRL, government kind, this agency); 409 certificate_already_bound',
      },
      preParsing: app.requireAccount,
    },
    async (request) => app.certificateAuth.bind(signedInAccount(request), request.body),
  );

  app.get(
    '/api/account/certificate',
    {
      schema: {
        tags,
        summary: "The account's bound certificates",
        security: accountBearer,
        response: { 200: BindingsSchema, ...errorResponses },
      },
      preParsing: app.requireAccount,
    },
    async (request) => ({ certificates: await app.certificateAuth.bindings(signedInAccount(request).accountId) }),
  );

  app.delete(
    '/api/staff/accounts/:accountId/certificate',
    {
      schema: {
        tags,
        summary: "An administrator unbinds the account's certificates (a lost token)",
        security: staffBearer,
        params: AccountParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
      preParsing: app.staffOnly('accounts'),
    },
    async (request, reply) => {
      await app.certificateAuth.unbind(request.params.accountId, signedInStaff(request).username);
      return reply.code(204).send(null);
    },
  );
}
