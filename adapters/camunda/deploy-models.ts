import { readFileSync } from 'node:fs';
import path from 'node:path';
import { modelFiles } from '../../ops/bpmn-models.js';
import type { ZeebeClient } from './camunda-client.js';

/**
 * Deploys every form and process under bpmn/ in one atomic deployment, so a process never
 * refers to a form that is not there. Zeebe keeps the version when nothing changed.
 */
export async function deployModels(zeebe: ZeebeClient, dir?: string) {
  const files = modelFiles(dir);
  const resources = files.map((file) =>
    file.endsWith('.form')
      ? { name: path.basename(file), form: readFileSync(file) }
      : { name: path.basename(file), process: readFileSync(file) },
  );
  const result = await zeebe.deployResources(resources);
  return result.deployments.flatMap((d) => {
    const r = d as { process?: { bpmnProcessId: string; version: number }; form?: { formId: string; version: number } };
    return r.process ? [`${r.process.bpmnProcessId} v${r.process.version}`] : r.form ? [`form ${r.form.formId} v${r.form.version}`] : [];
  });
}
