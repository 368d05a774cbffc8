import type { FastifyInstance, FastifyReply } from 'fastify';

/** Longer than any client timeout we configure, so a "timeout" fault is always a timeout. */
const HANG_MS = 30_000;

/**
 * Returns `hang(reply)`: keeps a request open without answering, as a stuck upstream would.
 * Timers are cleared when the client gives up or the server closes, so no test is kept alive;
 * the sockets themselves are destroyed by Fastify's `forceCloseConnections: true`.
 */
export function createHang(app: FastifyInstance, onExpire: (reply: FastifyReply) => void) {
  const timers = new Set<NodeJS.Timeout>();
  app.addHook('onClose', async () => {
    for (const t of timers) clearTimeout(t);
    timers.clear();
  });
  return (reply: FastifyReply): FastifyReply => {
    reply.hijack();
    const timer = setTimeout(() => {
      timers.delete(timer);
      onExpire(reply);
    }, HANG_MS);
    timers.add(timer);
    reply.raw.on('close', () => {
      clearTimeout(timer);
      timers.delete(timer);
    });
    return reply;
  };
}
