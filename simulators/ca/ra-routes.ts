import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createHang } from '../shared/hang.js';
import { RA_OFFICE_POLICY } from './ca-material.js';
import { CsrRefused } from './issue-certificate.js';
import { issuedView } from './issued-view.js';
import { baseUrlOf } from './public-routes.js';
import { checkRaSignature } from './ra-signature.js';
import { IssueBody, RevokeBody, SerialParams } from './schemas.js';
import type { CaState } from './state.js';

const SIGNATURE_HEADER = 'x-ra-signature';
const rawBodies = new WeakMap<FastifyRequest, Buffer>();

/**
 * The CA's interface for its registration offices: issue (from the token's CSR) and revoke, behind the
 * RA's bearer token; and, as seed 002 has it, every request signed with the office's own certificate:
 * a detached CMS over the body in `x-ra-signature`, checked before anything is done (403 otherwise).
 */
export function registerRaRoutes(
  app: FastifyInstance,
  state: CaState,
  opts: { token: string; publicUrl?: string },
): void {
  const hang = createHang(app, (reply) => reply.raw.writeHead(504).end());
  app.register(async (ra) => {
    // The signature covers the bytes as sent: kept before JSON parsing reorders nothing but loses them.
    ra.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
      rawBodies.set(req, body as Buffer);
      try {
        done(null, (body as Buffer).length ? JSON.parse((body as Buffer).toString('utf8')) : {});
      } catch (e) {
        done(Object.assign(e as Error, { statusCode: 400 }), undefined);
      }
    });
    ra.addHook('onRequest', async (req, reply) => {
      if (req.headers.authorization !== `Bearer ${opts.token}`) return reply.code(401).send({ error: 'unauthorized' });
      const fault = state.faults.take('ra');
      if (fault === 'error') return reply.code(503).send({ error: 'unavailable' });
      if (fault === 'timeout') return hang(reply);
    });
    ra.addHook('preHandler', async (req, reply) => {
      const header = req.headers[SIGNATURE_HEADER];
      const refusal = await checkRaSignature(
        rawBodies.get(req) ?? Buffer.alloc(0),
        typeof header === 'string' ? header : undefined,
        state.trusted.intermediate.cert,
        RA_OFFICE_POLICY,
        (serial) => Boolean(state.issued.get(serial)?.revokedAt),
      );
      if (refusal) return reply.code(403).send({ error: refusal });
    });
    ra.post<{ Body: IssueBody }>('/ra/certificates', { schema: { body: IssueBody } }, async (req, reply) => {
      try {
        const entry = await state.issue(req.body, 'trusted', baseUrlOf(req, opts.publicUrl));
        return await reply.code(201).send(await issuedView(entry, state));
      } catch (e) {
        if (e instanceof CsrRefused) return reply.code(422).send({ error: 'csr signature does not verify' });
        throw e;
      }
    });
    ra.post<{ Params: { serialNumber: string }; Body: RevokeBody }>(
      '/ra/certificates/:serialNumber/revoke',
      { schema: { params: SerialParams, body: RevokeBody } },
      async (req, reply) => {
        const entry = state.revoke(req.params.serialNumber, undefined, req.body.reason);
        if (!entry) return reply.code(404).send({ error: 'unknown certificate' });
        return { serialNumber: entry.serialNumber, revokedAt: entry.revokedAt!.toISOString() };
      },
    );
  });
}
