import { readFileSync } from 'node:fs';
import { modelFiles } from './model-files.js';
import { parseBpmn } from './read-model.js';

/**
 * The ids of the executable processes in bpmn/, read from the files rather than listed in code, so a
 * model added there is covered by whatever applies to all of them (the history time to live of the
 * retention policy) without anyone remembering to add it.
 */
export async function projectProcessIds(dir?: string): Promise<string[]> {
  const ids: string[] = [];
  for (const file of modelFiles(dir).filter((f) => f.endsWith('.bpmn'))) {
    const { rootElement } = await parseBpmn(readFileSync(file, 'utf8'));
    for (const e of rootElement.rootElements as { $type: string; id: string; isExecutable?: boolean }[])
      if (e.$type === 'bpmn:Process' && e.isExecutable) ids.push(e.id);
  }
  return ids;
}
