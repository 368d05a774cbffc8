import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import { projectRoot } from './camunda/settings.js';

const require = createRequire(import.meta.url);
const zeebeSchema = require('zeebe-bpmn-moddle/resources/zeebe.json');
const { Linter } = require('bpmnlint') as { Linter: new (o: unknown) => { lint(root: unknown): Promise<LintReport> } };
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver') as new () => unknown;

export type LintReport = Record<string, { id?: string; message: string; category: string }[]>;
export const bpmnDir = path.join(projectRoot, 'bpmn');

export const modelFiles = (dir = bpmnDir) =>
  readdirSync(dir).filter((f) => f.endsWith('.bpmn') || f.endsWith('.form')).map((f) => path.join(dir, f));

/** Parses a model with the Zeebe extensions, as Camunda Modeler does; the CLI of bpmnlint knows none. */
export async function readModel(file: string) {
  const moddle = new BpmnModdle({ zeebe: zeebeSchema });
  return moddle.fromXML(readFileSync(file, 'utf8'));
}

export async function lintModel(file: string): Promise<LintReport> {
  const config = JSON.parse(readFileSync(path.join(projectRoot, '.bpmnlintrc'), 'utf8'));
  const { rootElement } = await readModel(file);
  return new Linter({ config, resolver: new NodeResolver() }).lint(rootElement);
}
