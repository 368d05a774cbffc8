import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { modelerBundleDir, projectRoot } from '../config/paths.js';

const require = createRequire(import.meta.url);
const compileConfig = require('bpmnlint/lib/support/compile-config') as (
  config: unknown,
  resolver: unknown,
) => Promise<string>;
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver') as new (o: { require: NodeJS.Require }) => unknown;

const sourceDir = path.join(projectRoot, 'api', 'modeler-editor');

/** Everything the bundle is made of: its sources, the lint rules' configuration, the installed packages, this script. */
function inputsHash() {
  const hash = createHash('sha256');
  const files = [
    ...readdirSync(sourceDir)
      .sort()
      .map((f) => path.join(sourceDir, f)),
    path.join(projectRoot, '.bpmnlintrc'),
    path.join(projectRoot, 'package-lock.json'),
    fileURLToPath(import.meta.url),
  ];
  for (const f of files) hash.update(f).update(readFileSync(f));
  return hash.digest('hex');
}

/**
 * Builds the modeler page's editor (bpmn-js, its Camunda 7 properties panel, bpmnlint with the rules of
 * .bpmnlintrc, exactly those `npm test` lints with) and the monitor page's viewer into .cache/modeler/, with
 * esbuild: for each an ES module and its stylesheet, no other file, so the page loads only same-origin scripts. Skipped when the inputs are
 * those of the last build (a hash kept beside it); a build takes a few seconds.
 */
export async function ensureModelerBundle(log: (m: string) => void = () => undefined): Promise<{ built: boolean }> {
  const hash = inputsHash();
  const stamp = path.join(modelerBundleDir, 'inputs.sha256');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return { built: false };

  const started = Date.now();
  const work = `${modelerBundleDir}.build-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  // bpmnlint's own packer: the configured rules resolved and imported, so the browser lints as the CLI does.
  const lintrc = JSON.parse(readFileSync(path.join(projectRoot, '.bpmnlintrc'), 'utf8'));
  const packed = path.join(work, 'packed-lint-config.js');
  writeFileSync(
    packed,
    await compileConfig(lintrc, new NodeResolver({ require: createRequire(path.join(projectRoot, 'package.json')) })),
  );
  await build({
    // The monitor page's read-only viewer is built beside the editor, from the same packages in the same build.
    entryPoints: { editor: path.join(sourceDir, 'editor.js'), viewer: path.join(sourceDir, 'viewer.js') },
    outdir: work,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    alias: { 'payam-packed-lint-config': packed },
    nodePaths: [path.join(projectRoot, 'node_modules')],
    loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.eot': 'dataurl', '.svg': 'dataurl' },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  rmSync(packed);
  writeFileSync(path.join(work, 'inputs.sha256'), hash);
  rmSync(modelerBundleDir, { recursive: true, force: true });
  renameSync(work, modelerBundleDir);
  log(`modeler page bundle built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { built: true };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await ensureModelerBundle(console.log);
