import { Registry } from 'prom-client';
import { startMetricsServer } from '../adapters/metrics/metrics-server.js';
import { loadConfig } from '../config/config.js';
import { createLogger } from '../config/logger.js';
import { startWorkers } from './runtime.js';

const config = loadConfig();
const logger = createLogger({ level: config.LOG_LEVEL, name: 'workers' });
const metrics = new Registry();
const runtime = startWorkers(config, logger, { metrics });
const server = await startMetricsServer(metrics, config.METRICS_HOST, config.WORKERS_METRICS_PORT);
logger.info({ url: server.url }, 'workers metrics');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'stopping workers');
    Promise.all([runtime.close(), server.close()]).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
