import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseBpmn } from '../adapters/bpmn/read-model.js';
import { projectRoot } from '../config/paths.js';

const require = createRequire(import.meta.url);
const { Linter } = require('bpmnlint') as { Linter: new (o: unknown) => { lint(root: unknown): Promise<LintReport> } };
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver') as new () => unknown;

export type LintReport = Record<string, { id?: string; message: string; category: string }[]>;

/** A model file read with the Camunda 7 extensions: the CLI of bpmnlint knows none, and the compat rules need them. */
export const readModel = (file: string) => parseBpmn(readFileSync(file, 'utf8'));

export async function lintModel(file: string): Promise<LintReport> {
  const config = JSON.parse(readFileSync(path.join(projectRoot, '.bpmnlintrc'), 'utf8'));
  const { rootElement } = await readModel(file);
  return new Linter({ config, resolver: new NodeResolver() }).lint(rootElement);
}
