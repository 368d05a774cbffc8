import { serviceEngine } from '../adapters/engine/connect.js';
import { deployModels } from '../adapters/engine/deploy-models.js';
import { loadConfig } from '../config/config.js';

/** `npm run deploy`: bpmn/ to the engine at ENGINE_URL; prints each process, its version, new or unchanged. */
const config = loadConfig();
for (const line of await deployModels(serviceEngine(config))) console.log(`[deploy] ${line}`);
