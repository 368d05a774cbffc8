import type { FastifyInstance } from 'fastify';

/** What every simulator's state offers the reset routes. */
export type ResettableState = { faults: { clear(): void }; reset(): void };

/** `DELETE /__sim/faults` ends every planted fault; `DELETE /__sim/state` forgets everything. */
export function registerResetRoutes(app: FastifyInstance, state: ResettableState): void {
  app.delete('/__sim/faults', async (_req, reply) => {
    state.faults.clear();
    return reply.code(204).send();
  });

  app.delete('/__sim/state', async (_req, reply) => {
    state.reset();
    return reply.code(204).send();
  });
}
