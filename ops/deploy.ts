import { userInfo } from 'node:os';
import { GateRefusedError } from '../adapters/bpmn/project-gate.js';
import { serviceEngine } from '../adapters/engine/connect.js';
import { deployModels } from '../adapters/engine/deploy-models.js';
import { loadConfig } from '../config/config.js';
import { createAuditRepo } from '../db/audit-repo.js';
import { createDb } from '../db/knex.js';

/**
 * `npm run deploy`: bpmn/ (or the folder given as the one argument) to the engine at ENGINE_URL, through
 * the deploy gate and into the audit log; prints each process, its version, new or unchanged. A refusal
 * prints every problem and exits with 1.
 */
const config = loadConfig();
const db = createDb(config.DATABASE_URL, { min: 0, max: 1 });
let refused = false;
try {
  const actor = { audit: createAuditRepo(db), actor: `ops:deploy:${userInfo().username}` };
  for (const line of await deployModels(serviceEngine(config), actor, process.argv[2])) console.log(`[deploy] ${line}`);
} catch (e) {
  if (!(e instanceof GateRefusedError)) throw e;
  refused = true;
  console.error(`[deploy] refused, nothing deployed (${e.problems.length} problem(s)):`);
  for (const p of e.problems) console.error(`  - ${p.text.en}\n    ${p.text.fa}`);
} finally {
  await db.destroy();
}
if (refused) process.exit(1);
