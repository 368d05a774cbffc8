import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createHang } from '../shared/hang.js';
import type { CaState } from './state.js';

/** Where certificates point for their CRL: the address the client reached us at, unless one is configured. */
export const baseUrlOf = (req: FastifyRequest, configured?: string) => configured ?? `${req.protocol}://${req.host}`;

/** What a CA publishes to everyone: its certificates and its CRLs (RFC 5280 over HTTP, DER). */
export function registerPublicRoutes(app: FastifyInstance, state: CaState): void {
  const hang = createHang(app, (reply) => reply.raw.writeHead(504).end());

  app.get('/ca/root.crt', async (_req, reply) =>
    reply.type('application/x-pem-file').send(state.trusted.root.cert.toString('pem')),
  );
  app.get('/ca/intermediate.crt', async (_req, reply) =>
    reply.type('application/x-pem-file').send(state.trusted.intermediate.cert.toString('pem')),
  );

  app.get<{ Params: { issuer: string } }>('/crl/:issuer', async (req, reply) => {
    const issuer = req.params.issuer.replace(/\.crl$/, '');
    if (issuer !== 'trusted' && issuer !== 'untrusted') return reply.code(404).send();
    const fault = state.faults.take('crl');
    if (fault === 'error') return reply.code(503).type('text/plain').send('CRL publication point unavailable');
    if (fault === 'timeout') return hang(reply);
    const crl = await state.crl(issuer);
    return reply.type('application/pkix-crl').header('cache-control', 'no-store').send(Buffer.from(crl.rawData));
  });
}
