import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import { projectRoot } from './project-root.js';

const require = createRequire(import.meta.url);
const camundaSchema = require('camunda-bpmn-moddle/resources/camunda.json');
const { Linter } = require('bpmnlint') as { Linter: new (o: unknown) => { lint(root: unknown): Promise<LintReport> } };
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver') as new () => unknown;

export type LintReport = Record<string, { id?: string; message: string; category: string }[]>;
export const bpmnDir = path.join(projectRoot, 'bpmn');

export const modelFiles = (dir = bpmnDir) =>
  readdirSync(dir).filter((f) => f.endsWith('.bpmn') || f.endsWith('.form')).map((f) => path.join(dir, f));

/**
 * Parses a model with the Camunda 7 / Operaton extensions (namespace `camunda:`), as Camunda Modeler does;
 * the CLI of bpmnlint knows none, and without them the compat rules would not see camunda:historyTimeToLive.
 */
export async function readModel(file: string) {
  const moddle = new BpmnModdle({ camunda: camundaSchema });
  return moddle.fromXML(readFileSync(file, 'utf8'));
}

export async function lintModel(file: string): Promise<LintReport> {
  const config = JSON.parse(readFileSync(path.join(projectRoot, '.bpmnlintrc'), 'utf8'));
  const { rootElement } = await readModel(file);
  return new Linter({ config, resolver: new NodeResolver() }).lint(rootElement);
}
