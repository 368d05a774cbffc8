import { readFileSync } from 'node:fs';
import path from 'node:path';
import { modelFiles } from '../../ops/bpmn-models.js';
import type { ProcessEngine } from './process-engine.js';

/** The deployment every model of the project goes into, so Cockpit lists them under one name. */
export const DEPLOYMENT_NAME = 'payam-registration';

/**
 * The engine filters duplicates against the latest deployment of the same name *and source*, so every
 * deployment of bpmn/ (start, `npm run deploy`, tests) uses this one source: unchanged models then
 * keep their version whoever deploys them.
 */
export const DEPLOYMENT_SOURCE = 'bpmn/';

/**
 * Deploys every model under bpmn/ in one deployment, so a process never refers to a form or a
 * called process that is not there. Unchanged models keep their version (duplicate filtering).
 * Returns one line per process: "agency-registration v3 (unchanged)".
 */
export async function deployModels(engine: ProcessEngine, dir?: string) {
  const files = modelFiles(dir).map((file) => ({ name: path.basename(file), content: readFileSync(file) }));
  const { processes } = await engine.deploy(DEPLOYMENT_NAME, files, DEPLOYMENT_SOURCE);
  return processes.map((p) => `${p.key} v${p.version} (${p.new ? 'new' : 'unchanged'})`);
}
