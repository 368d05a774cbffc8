// bpmn-moddle ships no types; this is the part of its API the project uses.
// Extension attributes (camunda:topic, camunda:historyTimeToLive, …) are read by their local name or with get('camunda:…').
declare module 'bpmn-moddle' {
  export interface ModdleElement {
    $type: string;
    $attrs?: Record<string, string>;
    id?: string;
    name?: string;
    get(name: string): unknown;
    [key: string]: unknown;
  }
  export class BpmnModdle {
    constructor(extensions?: Record<string, unknown>);
    fromXML(xml: string): Promise<{
      rootElement: ModdleElement & { rootElements: ModdleElement[]; diagrams?: ModdleElement[] };
      warnings: { message: string }[];
    }>;
  }
}
