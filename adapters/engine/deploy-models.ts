import { readFileSync } from 'node:fs';
import path from 'node:path';
import { modelFiles } from '../bpmn/model-files.js';
import type { AuditRepo } from '../../db/audit-repo.js';
import type { GateProblem } from '../../domain/deploy-gate/deploy-gate.js';
import { checkModelFiles, checkToolModelFiles, GateRefusedError } from '../bpmn/project-gate.js';
import type { ModelFile } from '../bpmn/read-model.js';
import type { ProcessEngine } from './process-engine.js';

/** The deployment every model of the project goes into, so Cockpit lists them under one name. */
export const DEPLOYMENT_NAME = 'payam-registration';

/** The source of every deployment of bpmn/ (start, `npm run deploy`, tests); the modeler page's names its process owner. */
const DEPLOYMENT_SOURCE = 'bpmn/';

/** Who deploys, for the audit log: `ops:deploy:<os user>`, `ops:start`, `ops:chaos`, `bench`, `test` … */
export interface DeployActor {
  audit: AuditRepo;
  actor: string;
}

interface Deployment {
  name: string;
  source: string;
  files: ModelFile[];
  /** The gate these files answer to. */
  check: (files: ModelFile[]) => Promise<GateProblem[]>;
}

/**
 * The one way this codebase deploys (the modeler page's route aside, which checks and audits the same way under the
 * owner's name): the gate first — GateRefusedError lists every problem, and nothing is deployed — then the engine.
 * Either way the audit log says who deployed which model at which version, or who was refused by which rules.
 */
async function deployThroughGate(engine: ProcessEngine, { audit, actor }: DeployActor, d: Deployment) {
  const problems = await d.check(d.files);
  if (problems.length) {
    await audit.record({
      actor,
      action: 'model_deploy_refused',
      detail: {
        source: d.source,
        files: d.files.map((f) => f.name).join(','),
        verdict: 'refused',
        problems: problems.length,
        rules: [...new Set(problems.map((p) => p.rule))].join(','),
      },
    });
    throw new GateRefusedError(problems);
  }
  const files = d.files.map((f) => ({ name: f.name, content: Buffer.from(f.content) }));
  const deployed = await engine.deployUngated(d.name, files, d.source);
  for (const p of deployed.processes) {
    await audit.record({
      actor,
      action: 'model_deployed',
      detail: {
        source: d.source,
        process: p.key,
        version: p.version,
        new: p.new,
        definitionId: p.id,
        verdict: 'accepted',
      },
    });
  }
  return deployed;
}

/**
 * The project's models (bpmn/, or a test's changed copy of them) in one deployment, so a process never refers to a
 * form or a called process that is not there, through the whole gate. Unchanged models keep their version.
 */
export async function deployModelFiles(engine: ProcessEngine, actor: DeployActor, files: ModelFile[]) {
  return deployThroughGate(engine, actor, {
    name: DEPLOYMENT_NAME,
    source: DEPLOYMENT_SOURCE,
    files,
    check: (f) => checkModelFiles(f),
  });
}

/** Every model under bpmn/ (or `dir`), as `deployModelFiles`. Returns one line per process: "agency-registration v3 (unchanged)". */
export async function deployModels(engine: ProcessEngine, actor: DeployActor, dir?: string) {
  const files = modelFiles(dir).map((file) => ({ name: path.basename(file), content: readFileSync(file) }));
  const { processes } = await deployModelFiles(engine, actor, files);
  return processes.map((p) => `${p.key} v${p.version} (${p.new ? 'new' : 'unchanged'})`);
}

/**
 * A tool's own small model (a chaos drill's, a benchmark's, a test's probe): no card, no project worker, so only the
 * gate's rules that hold for every model — no code, no personal data, timers that wait — then audited as any.
 */
export async function deployToolModels(engine: ProcessEngine, actor: DeployActor, name: string, files: ModelFile[]) {
  return deployThroughGate(engine, actor, { name, source: actor.actor, files, check: checkToolModelFiles });
}
