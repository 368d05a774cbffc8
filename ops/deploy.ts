import { GateRefusedError } from '../adapters/bpmn/project-gate.js';
import { serviceEngine } from '../adapters/engine/connect.js';
import { deployModels } from '../adapters/engine/deploy-models.js';
import { loadConfig } from '../config/config.js';

/** `npm run deploy`: bpmn/ to the engine at ENGINE_URL, through the deploy gate; prints each process, its version, new or unchanged. */
const config = loadConfig();
try {
  for (const line of await deployModels(serviceEngine(config))) console.log(`[deploy] ${line}`);
} catch (e) {
  if (!(e instanceof GateRefusedError)) throw e;
  console.error(`[deploy] refused, nothing deployed (${e.problems.length} problem(s)):`);
  for (const p of e.problems) console.error(`  - ${p.text.en}\n    ${p.text.fa}`);
  process.exit(1);
}
