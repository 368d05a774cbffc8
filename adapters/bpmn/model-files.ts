import { readdirSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../config/paths.js';

/** The models deployed together: the processes and the forms they link to. */
export const bpmnDir = path.join(projectRoot, 'bpmn');

export const modelFiles = (dir = bpmnDir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.bpmn') || f.endsWith('.form'))
    .map((f) => path.join(dir, f));
