import path from 'node:path';
import { modelFiles } from '../adapters/bpmn/model-files.js';
import { lintModel } from './bpmn-models.js';

let errors = 0;
for (const file of modelFiles().filter((f) => f.endsWith('.bpmn'))) {
  const report = await lintModel(file);
  for (const [rule, issues] of Object.entries(report)) {
    for (const i of issues) {
      if (i.category === 'error') errors++;
      console.log(`${path.basename(file)}  ${i.category.padEnd(7)} ${(i.id ?? '').padEnd(28)} ${i.message}  (${rule})`);
    }
  }
}
console.log(errors ? `bpmnlint: ${errors} error(s)` : 'bpmnlint: no errors');
process.exit(errors ? 1 : 0);
