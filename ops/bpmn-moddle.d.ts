// bpmn-moddle ships no types; this is the part of its API the project uses.
declare module 'bpmn-moddle' {
  export interface ModdleElement {
    $type: string;
    id?: string;
    name?: string;
    [key: string]: unknown;
  }
  export class BpmnModdle {
    constructor(extensions?: Record<string, unknown>);
    fromXML(xml: string): Promise<{ rootElement: ModdleElement & { rootElements: ModdleElement[] }; warnings: { message: string }[] }>;
  }
}
