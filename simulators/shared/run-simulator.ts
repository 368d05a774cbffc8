import type { FastifyInstance } from 'fastify';

/** Reads a port from the environment; a bad value stops the simulator rather than picking a surprise port. */
export function readPort(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`${name} must be a port number, got "${raw}"`);
  return port;
}

/**
 * Listens on loopback unless the environment variable `hostVariable` names another address (the
 * simulators hold fake personal data; a container sets PGSB_SIM_HOST or SMS_SIM_HOST to 0.0.0.0)
 * and closes cleanly on signals.
 */
export async function runSimulator(
  app: FastifyInstance,
  port: number,
  hostVariable: string,
  env: Record<string, string | undefined> = process.env,
): Promise<void> {
  const host = env[hostVariable] || '127.0.0.1';
  const shutdown = () => {
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ host, port });
}
