import { createRequire } from 'node:module';
import { BpmnModdle } from 'bpmn-moddle';
import type { El, ModelSet } from '../../domain/deploy-gate/model.js';

const require = createRequire(import.meta.url);
const camundaSchema = require('camunda-bpmn-moddle/resources/camunda.json') as object;

/** A model file by its resource name, as deployed. */
export interface ModelFile {
  name: string;
  content: string | Buffer;
}

/** The model is not BPMN 2.0 XML bpmn-moddle can read; its message says where. */
export class UnreadableModelError extends Error {
  static readonly code = 'UNREADABLE_MODEL';
  readonly code = UnreadableModelError.code;
  override name = UnreadableModelError.name;
}

/**
 * Parses BPMN XML with the Camunda 7 / Operaton extensions (namespace `camunda:`), as Camunda Modeler
 * and the engine read it; without them camunda:topic, camunda:historyTimeToLive … would be unknown.
 */
export async function parseBpmn(xml: string) {
  try {
    return await new BpmnModdle({ camunda: camundaSchema }).fromXML(xml);
  } catch (e) {
    throw new UnreadableModelError((e as Error).message);
  }
}

/** "unparsable content <camunda:x> detected, line 4": the reader's first words, and where in the file. */
const unreadPart = (message: string) => {
  const line = /line: (\d+)/.exec(message)?.[1];
  return `${message.split('\n')[0]!}${line ? `, line ${String(Number(line) + 1)}` : ''}`;
};

const processesOf = (root: { rootElements: { $type: string }[] }) => root.rootElements.filter((e) => e.$type === 'bpmn:Process') as unknown as El[];

/**
 * The BPMN files' processes and the forms' field keys, as the deploy gate reads them, with what the reader had to
 * drop (an element of a known namespace that its schema lacks): the gate cannot judge it, the engine may read it.
 */
export async function readModelSet(files: ModelFile[]): Promise<ModelSet> {
  const unread: { file: string; part: string }[] = [];
  const set: ModelSet = { processes: [], forms: [], unread };
  for (const f of files) {
    const text = f.content.toString();
    if (f.name.endsWith('.bpmn')) {
      const { rootElement, warnings } = await parseBpmn(text);
      set.processes.push(...processesOf(rootElement));
      for (const w of warnings)
        if (w.message.startsWith('unparsable content')) unread.push({ file: f.name, part: unreadPart(w.message) });
    } else if (f.name.endsWith('.form')) {
      const form = JSON.parse(text) as { id: string; components?: { key?: string }[] };
      set.forms.push({ id: form.id, keys: (form.components ?? []).flatMap((c) => (c.key ? [c.key] : [])) });
    }
  }
  return set;
}
