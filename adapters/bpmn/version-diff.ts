import { diff } from 'bpmn-js-differ';
import { parseBpmn } from './read-model.js';

interface DiffElement {
  id: string;
  type: string;
  name: string | null;
}

export interface VersionDiff {
  added: DiffElement[];
  removed: DiffElement[];
  /** Elements whose properties changed, with the names of the properties (name, topic, documentation, …). */
  changed: (DiffElement & { properties: string[] })[];
  /** Elements only moved or resized in the diagram. */
  layoutChanged: DiffElement[];
}

const short = (e: { $type: string; id: string; name?: string }): DiffElement => ({ id: e.id, type: e.$type.replace(/^bpmn:/, ''), name: e.name ?? null });

/** What changed between two versions of a model, element by element, as bpmn-js-differ sees it. */
export async function versionDiff(oldXml: string, newXml: string): Promise<VersionDiff> {
  const [{ rootElement: a }, { rootElement: b }] = await Promise.all([parseBpmn(oldXml), parseBpmn(newXml)]);
  const d = diff(a, b);
  return {
    added: Object.values(d._added).map(short),
    removed: Object.values(d._removed).map(short),
    changed: Object.values(d._changed).map((c) => ({ ...short(c.model), properties: Object.keys(c.attrs) })),
    layoutChanged: Object.values(d._layoutChanged).map(short),
  };
}
