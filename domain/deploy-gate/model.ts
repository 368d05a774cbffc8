/**
 * The parts of a parsed model (bpmn-moddle with camunda-bpmn-moddle) the deploy gate reads. Plain
 * structural types, so the rules stay pure: whoever parses the XML hands the tree in.
 */
type Expr = { body?: string };
type Ext = {
  $type: string;
  source?: string;
  target?: string;
  sourceExpression?: string;
  businessKey?: string;
  variables?: string;
  values?: { $type: string; name?: string; value?: string; id?: string }[];
  inputParameters?: { name?: string }[];
  outputParameters?: { name?: string }[];
  fields?: { id?: string }[];
};
export type EventDefinition = {
  $type: string;
  timeDuration?: Expr;
  timeDate?: Expr;
  timeCycle?: Expr;
  errorRef?: { id: string; name?: string; errorCode?: string };
  messageRef?: { id: string; name?: string };
  /** A message throw event implemented as an external task (camunda:type="external" on its definition). */
  type?: string;
  topic?: string;
};
export type El = {
  $type: string;
  id: string;
  name?: string;
  documentation?: { text: string }[];
  extensionElements?: { values?: Ext[] };
  flowElements?: El[];
  conditionExpression?: Expr;
  eventDefinitions?: EventDefinition[];
  attachedToRef?: { id: string };
  triggeredByEvent?: boolean;
  messageRef?: { id: string; name?: string };
  isExecutable?: boolean;
  historyTimeToLive?: string;
  type?: string;
  topic?: string;
  class?: string;
  expression?: string;
  delegateExpression?: string;
  calledElement?: string;
  asyncBefore?: boolean;
  assignee?: string;
  candidateUsers?: string;
  candidateGroups?: string;
  formKey?: string;
  formRef?: string;
  formRefBinding?: string;
};

/** The models deployed together: the processes of every BPMN file, and the fields of every Camunda form. */
export interface ModelSet {
  processes: El[];
  forms: { id: string; keys: string[] }[];
  /** What the reader dropped from a file, unable to place it (an unknown element of a known namespace). */
  unread?: { file: string; part: string }[];
}

/** Every flow element, sub-processes included. */
export const elements = (ps: El[]): El[] =>
  ps.flatMap((p) => (p.flowElements ?? []).flatMap((e) => [e, ...elements([e])]));

export const extensions = (e: El | undefined, type: string) =>
  e?.extensionElements?.values?.filter((v) => v.$type === type) ?? [];

/** `«3–5 · Enter details» (Task_ApplicantData)`: how a problem names the element, as Modeler shows it. */
export const label = (e: Pick<El, 'id' | 'name'>) => (e.name ? `«${e.name.trim()}» (${e.id})` : e.id);

/** Service-like tasks the engine runs: as external tasks each is fetched by a worker on its topic. */
export const isServiceLike = (e: El) => /^bpmn:(ServiceTask|SendTask|BusinessRuleTask)$/.test(e.$type);

/** Message throw events implemented as external tasks: the element, with the topic of its message definition. */
export const externalMessageThrows = (ps: El[]) =>
  elements(ps)
    .filter((e) => /^bpmn:(EndEvent|IntermediateThrowEvent)$/.test(e.$type))
    .flatMap((e) =>
      (e.eventDefinitions ?? [])
        .filter((d) => d.$type === 'bpmn:MessageEventDefinition' && d.type === 'external')
        .map((d) => ({ ...e, type: d.type, topic: d.topic })),
    );
