import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { serverTimingHeader, withTimings, type Timings } from '../timing/server-timing.js';

declare module 'fastify' {
  interface FastifyRequest {
    timings?: Timings;
  }
}

/**
 * With SERVER_TIMING on, every answer says where its time went (`Server-Timing: hash;dur=…, engine;dur=…,
 * wait;dur=…`): the benchmark reads it, and so do a browser's developer tools. Off by default, since it
 * tells anyone how long the password hash and the engine take.
 */
export default fp(
  async function serverTiming(app: FastifyInstance) {
    if (!app.config.SERVER_TIMING) return;
    // Callback style, so the handler runs inside the store (as @fastify/request-context does).
    app.addHook('onRequest', (request, _reply, done) => {
      request.timings = new Map();
      withTimings(request.timings, done);
    });
    app.addHook('onSend', async (request, reply) => {
      if (request.timings?.size) reply.header('server-timing', serverTimingHeader(request.timings));
    });
  },
  { name: 'server-timing', dependencies: ['config'] },
);
