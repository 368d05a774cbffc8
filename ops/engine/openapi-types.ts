import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../config/paths.js';
import { run } from '../run.js';

/**
 * `npm run engine:types`: regenerates adapters/engine/engine-rest-schema.d.ts from the OpenAPI document
 * Camunda 7 publishes on Maven Central. Operaton 1.0 serves the same REST paths and publishes none of its own.
 */
const artifact = 'org.camunda.bpm:camunda-engine-rest-openapi:7.24.0';
// Another path as the first argument, to compare without overwriting.
const out = path.resolve(process.argv[2] ?? path.join(projectRoot, 'adapters/engine/engine-rest-schema.d.ts'));
const tmp = mkdtempSync(path.join(tmpdir(), 'engine-openapi-'));

async function step(cmd: string, args: string[]) {
  const r = await run(cmd, args, { cwd: projectRoot });
  if (r.code !== 0)
    throw new Error(`${path.basename(cmd)} ${args.join(' ')} failed (exit ${r.code}):\n${r.output.slice(-2000)}`);
}

try {
  await step('mvn', ['-B', '-q', 'dependency:copy', `-Dartifact=${artifact}`, `-DoutputDirectory=${tmp}`]);
  const jar = readdirSync(tmp).find((f) => f.endsWith('.jar'));
  if (!jar) throw new Error(`mvn fetched no jar for ${artifact}`);
  await step('unzip', ['-q', '-o', path.join(tmp, jar), 'openapi.json', '-d', tmp]);
  await step(path.join(projectRoot, 'node_modules/.bin/openapi-typescript'), [
    path.join(tmp, 'openapi.json'),
    '--default-non-nullable',
    'false',
    '-o',
    out,
  ]);
  console.log(`[engine:types] ${path.relative(projectRoot, out)} generated from ${artifact}`);
} catch (e) {
  console.error(`[engine:types] ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
