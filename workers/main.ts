import { loadConfig } from '../config/config.js';
import { createLogger } from '../config/logger.js';
import { startWorkers } from './runtime.js';

const config = loadConfig();
const logger = createLogger({ level: config.LOG_LEVEL, name: 'workers' });
const runtime = startWorkers(config, logger);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'stopping workers');
    runtime.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
