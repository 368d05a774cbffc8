import type { ModdleElement } from 'bpmn-moddle';
import { simpleCondition, type ModelFlow } from '../../domain/monitor/model-flows.js';
import { parseBpmn } from './read-model.js';

interface ModelElement {
  id: string;
  name: string | null;
  /** bpmn:UserTask, bpmn:ExclusiveGateway, … */
  type: string;
}

/** The flow nodes and sequence flows of a deployed model's process (sub-processes' contents included). */
export async function monitorModel(xml: string, processKey: string) {
  const { rootElement } = await parseBpmn(xml);
  const process = rootElement.rootElements.find((e) => e.$type === 'bpmn:Process' && e.id === processKey);
  const elements: ModelElement[] = [];
  const flows: ModelFlow[] = [];
  const flowNames = new Map<string, string>();
  const walk = (container: ModdleElement) => {
    const children = (container.flowElements as ModdleElement[] | undefined) ?? [];
    for (const e of children) {
      if (e.$type === 'bpmn:SequenceFlow') {
        const source = e.sourceRef as ModdleElement;
        if (e.name) flowNames.set(e.id!, e.name);
        const body = (e.conditionExpression as ModdleElement | undefined)?.body as string | undefined;
        flows.push({
          id: e.id!,
          sourceId: source.id!,
          targetId: (e.targetRef as ModdleElement).id!,
          condition: simpleCondition(body),
          isDefault: (source.default as ModdleElement | undefined)?.id === e.id,
        });
      } else {
        elements.push({ id: e.id!, name: e.name ?? null, type: e.$type });
        if (e.flowElements) walk(e);
      }
    }
  };
  if (process) walk(process);
  return { elements, flows, flowNames };
}

export type MonitorModel = Awaited<ReturnType<typeof monitorModel>>;
