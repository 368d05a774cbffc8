import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { registerResetRoutes } from '../shared/reset-routes.js';
import type { SmsState } from './state.js';

const FaultBody = Type.Object({
  mode: Type.Union([Type.Literal('error'), Type.Literal('timeout')]),
  count: Type.Optional(Type.Integer({ minimum: 1 })),
});
const MessagesQuery = Type.Object({ to: Type.Optional(Type.String()) });

/** Test-only controls under `/__sim`: read the "handset", switch faults, reset. */
export function registerAdminRoutes(app: FastifyInstance, state: SmsState): void {
  app.get<{ Querystring: Static<typeof MessagesQuery> }>(
    '/__sim/messages',
    { schema: { querystring: MessagesQuery } },
    async (req) => state.messages.filter((m) => req.query.to === undefined || m.to === req.query.to),
  );

  app.post<{ Body: Static<typeof FaultBody> }>('/__sim/faults', { schema: { body: FaultBody } }, async (req, reply) => {
    state.faults.set('sms', req.body.mode, req.body.count);
    return reply.code(201).send({ ok: true });
  });

  registerResetRoutes(app, state);
}
