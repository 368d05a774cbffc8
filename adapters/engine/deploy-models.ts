import { readFileSync } from 'node:fs';
import path from 'node:path';
import { modelFiles } from '../bpmn/model-files.js';
import type { AuditRepo } from '../../db/audit-repo.js';
import { checkModelFiles, GateRefusedError } from '../bpmn/project-gate.js';
import type { ProcessEngine } from './process-engine.js';

/** The deployment every model of the project goes into, so Cockpit lists them under one name. */
export const DEPLOYMENT_NAME = 'payam-registration';

/** The source of every deployment of bpmn/ (start, `npm run deploy`, tests); the modeler page's names its process owner. */
export const DEPLOYMENT_SOURCE = 'bpmn/';

/** Who deploys, for the audit log: `ops:deploy:<os user>`, `ops:start`, `ops:chaos`, `test` … */
export interface DeployActor {
  audit: AuditRepo;
  actor: string;
}

/**
 * Deploys every model under bpmn/ in one deployment, so a process never refers to a form or a
 * called process that is not there. Unchanged models keep their version. The deploy gate comes first:
 * GateRefusedError lists every problem, and nothing is deployed. Either way the audit log says who
 * deployed which model at which version, or who was refused and by which of the gate's rules.
 * Returns one line per process: "agency-registration v3 (unchanged)".
 */
export async function deployModels(engine: ProcessEngine, { audit, actor }: DeployActor, dir?: string) {
  const files = modelFiles(dir).map((file) => ({ name: path.basename(file), content: readFileSync(file) }));
  const problems = await checkModelFiles(files);
  if (problems.length) {
    await audit.record({
      actor,
      action: 'model_deploy_refused',
      detail: {
        source: DEPLOYMENT_SOURCE,
        files: files.map((f) => f.name).join(','),
        verdict: 'refused',
        problems: problems.length,
        rules: [...new Set(problems.map((p) => p.rule))].join(','),
      },
    });
    throw new GateRefusedError(problems);
  }
  const { processes } = await engine.deploy(DEPLOYMENT_NAME, files, DEPLOYMENT_SOURCE);
  for (const p of processes) {
    await audit.record({
      actor,
      action: 'model_deployed',
      detail: {
        source: DEPLOYMENT_SOURCE,
        process: p.key,
        version: p.version,
        new: p.new,
        definitionId: p.id,
        verdict: 'accepted',
      },
    });
  }
  return processes.map((p) => `${p.key} v${p.version} (${p.new ? 'new' : 'unchanged'})`);
}
