import { createLogger } from '../../config/logger.js';
import { readPort, runSimulator } from '../shared/run-simulator.js';
import { buildCaSimulator } from './server.js';

// The token must equal CA_RA_TOKEN of the services, whose development default is also `sim-ra-token`.
const app = await buildCaSimulator({
  raToken: process.env.CA_SIM_RA_TOKEN || 'sim-ra-token',
  dir: process.env.CA_SIM_DIR || undefined,
  publicUrl: process.env.CA_SIM_PUBLIC_URL || undefined,
  logger: createLogger({ name: 'ca-sim' }),
});
await runSimulator(app, readPort(process.env, 'CA_SIM_PORT', 3300), 'CA_SIM_HOST');
