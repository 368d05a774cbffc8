import type { FastifyInstance } from 'fastify';
import { createHang } from '../shared/hang.js';
import { issuedView } from './issued-view.js';
import { baseUrlOf } from './public-routes.js';
import { IssueBody, SerialParams } from './schemas.js';
import type { CaState } from './state.js';

/**
 * The CA's interface for its registration offices: issue and revoke, behind the RA's bearer token.
 * A real RA would also send the applicant's request signed with its own certificate; the simulator
 * takes the request as JSON.
 */
export function registerRaRoutes(
  app: FastifyInstance,
  state: CaState,
  opts: { token: string; publicUrl?: string },
): void {
  const hang = createHang(app, (reply) => reply.raw.writeHead(504).end());
  app.register(async (ra) => {
    ra.addHook('onRequest', async (req, reply) => {
      if (req.headers.authorization !== `Bearer ${opts.token}`) return reply.code(401).send({ error: 'unauthorized' });
      const fault = state.faults.take('ra');
      if (fault === 'error') return reply.code(503).send({ error: 'unavailable' });
      if (fault === 'timeout') return hang(reply);
    });
    ra.post<{ Body: IssueBody }>('/ra/certificates', { schema: { body: IssueBody } }, async (req, reply) => {
      const entry = await state.issue(req.body, 'trusted', baseUrlOf(req, opts.publicUrl));
      return reply.code(201).send(await issuedView(entry, state));
    });
    ra.post<{ Params: { serialNumber: string } }>(
      '/ra/certificates/:serialNumber/revoke',
      { schema: { params: SerialParams } },
      async (req, reply) => {
        const entry = state.revoke(req.params.serialNumber);
        if (!entry) return reply.code(404).send({ error: 'unknown certificate' });
        return { serialNumber: entry.serialNumber, revokedAt: entry.revokedAt!.toISOString() };
      },
    );
  });
}
