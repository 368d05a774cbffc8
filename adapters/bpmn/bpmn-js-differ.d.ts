// bpmn-js-differ ships no types; this is the part of its API the project uses.
declare module 'bpmn-js-differ' {
  type Element = { $type: string; id: string; name?: string };
  export function diff(oldDefinitions: unknown, newDefinitions: unknown): {
    _added: Record<string, Element>;
    _removed: Record<string, Element>;
    _changed: Record<string, { model: Element; attrs: Record<string, { oldValue: unknown; newValue: unknown }> }>;
    _layoutChanged: Record<string, Element>;
  };
}
