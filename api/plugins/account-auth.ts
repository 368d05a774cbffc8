import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AccountPrincipal } from '../auth/account-auth.js';
import { unauthorized } from '../errors/app-error.js';
import { bearerToken } from '../auth/session-token.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** A preParsing hook: a live session of an active agency account, else 401. */
    requireAccount: (request: FastifyRequest) => Promise<void>;
  }
  interface FastifyRequest {
    account: AccountPrincipal | null;
  }
}

/** The account the hook found; a route without the hook gets a 401 rather than a crash. */
export function signedInAccount(request: FastifyRequest): AccountPrincipal {
  if (!request.account) throw unauthorized();
  return request.account;
}

/** The agency account's session (after card step 12), checked before anything else of the request is read. */
export default fp(
  async (app) => {
    app.decorateRequest('account', null);
    app.decorate('requireAccount', async (request: FastifyRequest) => {
      request.account = await app.accountAuth.verify(bearerToken(request.headers.authorization));
    });
  },
  { name: 'account-auth', dependencies: ['services'] },
);
