import { createLogger } from '../../config/logger.js';
import { readPort, runSimulator } from '../shared/run-simulator.js';
import { buildPgsbSimulator } from './server.js';

// The token must equal PGSB_TOKEN of the services, whose default is also `sim-token`.
const token = process.env.PGSB_SIM_TOKEN || 'sim-token';
const app = buildPgsbSimulator({ token, logger: createLogger({ name: 'pgsb-sim' }) });
await runSimulator(app, readPort(process.env, 'PGSB_SIM_PORT', 3100), 'PGSB_SIM_HOST');
