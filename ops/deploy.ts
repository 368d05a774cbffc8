import { createZeebeClient } from '../adapters/camunda/camunda-client.js';
import { deployModels } from '../adapters/camunda/deploy-models.js';
import { loadConfig } from '../config/config.js';

const zeebe = createZeebeClient(loadConfig());
try {
  console.log(`[deploy] ${(await deployModels(zeebe)).join(', ')}`);
} finally {
  await zeebe.close();
}
