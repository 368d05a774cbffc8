import { loadConfig } from '../config/config.js';
import { startMetricsServer } from '../adapters/metrics/metrics-server.js';
import { createLogger } from '../config/logger.js';
import { buildApp } from './app.js';

const config = loadConfig();
const logger = createLogger({ level: config.LOG_LEVEL, name: 'api' });
const server = buildApp({ config, logger });

// Fastify answers 503 to new requests while closing, and onClose hooks close the pools.
let closing = false;
let metrics: Awaited<ReturnType<typeof startMetricsServer>> | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return process.exit(1);
    closing = true;
    logger.info({ signal }, 'api stopping');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    Promise.all([server.close(), metrics?.close()]).then(
      () => {
        clearTimeout(force);
        process.exit(0);
      },
      () => process.exit(1),
    );
  });
}

try {
  await server.listen({ host: config.API_HOST, port: config.API_PORT });
  // The registry exists once the app's plugins have loaded; Fastify takes no onClose hook by then, so the
  // signal handler above closes this server itself.
  metrics = await startMetricsServer(server.metricsRegistry, config.METRICS_HOST, config.API_METRICS_PORT);
  logger.info({ url: metrics.url }, 'api metrics');
} catch (err) {
  logger.fatal({ err }, 'api did not start');
  process.exit(1);
}
