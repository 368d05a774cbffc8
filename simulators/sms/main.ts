import { createLogger } from '../../config/logger.js';
import { readPort, runSimulator } from '../shared/run-simulator.js';
import { buildSmsSimulator } from './server.js';

// The key must equal SMS_API_KEY of the services, whose default is also `sim-api-key`.
const apiKey = process.env.SMS_SIM_API_KEY || 'sim-api-key';
const app = buildSmsSimulator({ apiKey, logger: createLogger({ name: 'sms-sim' }) });
await runSimulator(app, readPort(process.env, 'SMS_SIM_PORT', 3200), 'SMS_SIM_HOST');
