import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import { registerResetRoutes } from '../shared/reset-routes.js';
import { CallsQuery, CitizenBody, FaultBody, MobileBody } from './schemas.js';
import type { PgsbState } from './state.js';

/** Test-only controls under `/__sim`: plant citizens and mobiles, switch faults, count calls. */
export function registerAdminRoutes(app: FastifyInstance, state: PgsbState): void {
  app.post<{ Body: Static<typeof CitizenBody> }>(
    '/__sim/citizens',
    { schema: { body: CitizenBody } },
    async (req, reply) => {
      state.citizens.set(req.body.nationalCode, req.body);
      return reply.code(201).send({ ok: true });
    },
  );

  app.post<{ Body: Static<typeof MobileBody> }>(
    '/__sim/mobiles',
    { schema: { body: MobileBody } },
    async (req, reply) => {
      const owned = state.mobiles.get(req.body.nationalCode) ?? new Set<string>();
      owned.add(req.body.mobile);
      state.mobiles.set(req.body.nationalCode, owned);
      return reply.code(201).send({ ok: true });
    },
  );

  app.post<{ Body: Static<typeof FaultBody> }>('/__sim/faults', { schema: { body: FaultBody } }, async (req, reply) => {
    state.faults.set(req.body.service, req.body.mode, req.body.count);
    return reply.code(201).send({ ok: true });
  });

  registerResetRoutes(app, state);

  app.get<{ Querystring: Static<typeof CallsQuery> }>(
    '/__sim/calls',
    { schema: { querystring: CallsQuery } },
    async (req) => {
      const calls = state.calls.filter((c) => req.query.service === undefined || c.service === req.query.service);
      return { count: calls.length, calls };
    },
  );
}
