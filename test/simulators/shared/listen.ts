import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';

/** Listens on a random loopback port, so test files never fight over ports; returns the base URL. */
export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/** A URL where nothing listens: a server is started on a random port and closed again. */
export async function deadUrl(app: FastifyInstance): Promise<string> {
  const url = await listen(app);
  await app.close();
  return url;
}
