import { readFileSync } from 'node:fs';
import path from 'node:path';
import { modelFiles } from '../bpmn/model-files.js';
import { checkModelFiles, GateRefusedError } from '../bpmn/project-gate.js';
import type { ProcessEngine } from './process-engine.js';

/** The deployment every model of the project goes into, so Cockpit lists them under one name. */
export const DEPLOYMENT_NAME = 'payam-registration';

/** The source of every deployment of bpmn/ (start, `npm run deploy`, tests); the modeler page's names its process owner. */
export const DEPLOYMENT_SOURCE = 'bpmn/';

/**
 * Deploys every model under bpmn/ in one deployment, so a process never refers to a form or a
 * called process that is not there. Unchanged models keep their version. The deploy gate comes first:
 * GateRefusedError lists every problem, and nothing is deployed.
 * Returns one line per process: "agency-registration v3 (unchanged)".
 */
export async function deployModels(engine: ProcessEngine, dir?: string) {
  const files = modelFiles(dir).map((file) => ({ name: path.basename(file), content: readFileSync(file) }));
  const problems = await checkModelFiles(files);
  if (problems.length) throw new GateRefusedError(problems);
  const { processes } = await engine.deploy(DEPLOYMENT_NAME, files, DEPLOYMENT_SOURCE);
  return processes.map((p) => `${p.key} v${p.version} (${p.new ? 'new' : 'unchanged'})`);
}
