import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout's root: bpmn/, .cache/ and the lint configuration are found from here. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where the modeler page's editor is built to (ops/modeler-bundle.ts), and served from at /modeler/assets/. */
export const modelerBundleDir = path.join(projectRoot, '.cache', 'modeler');
