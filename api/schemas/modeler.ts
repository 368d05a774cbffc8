import { Type } from '@sinclair/typebox';

/** A process definition id as the engine makes them: `agency-registration:3:<uuid>`. */
const DefinitionId = Type.String({
  pattern: '^[A-Za-z0-9_.:-]{1,200}$',
  description: 'A process definition (version) id',
});

const VersionSchema = Type.Object({
  id: Type.String(),
  key: Type.String(),
  version: Type.Integer(),
  name: Type.Union([Type.String(), Type.Null()]),
  resource: Type.String(),
  deployedAt: Type.Union([Type.String(), Type.Null()]),
  source: Type.Union([Type.String(), Type.Null()], {
    description: '"bpmn/" for the project\'s files, "modeler: <owner>" for a deployment from the page',
  }),
  instances: Type.Integer({ description: 'Instances running on this version now' }),
});
export const VersionsSchema = Type.Object({ items: Type.Array(VersionSchema) });
export const VersionParams = Type.Object({ id: DefinitionId });
export const XmlSchema = Type.Object({ xml: Type.String() });
export const ModelBody = Type.Object({
  xml: Type.String({
    minLength: 1,
    maxLength: 2_000_000,
    description: "BPMN 2.0 XML of one of this system's processes",
  }),
});

const Problem = Type.Object({
  rule: Type.String(),
  elementId: Type.String(),
  text: Type.Object({ fa: Type.String(), en: Type.String() }),
});
export const CheckSchema = Type.Object({ problems: Type.Array(Problem) });
export const DeploySchema = Type.Object({
  deploymentId: Type.String(),
  processes: Type.Array(
    Type.Object({ key: Type.String(), version: Type.Integer(), id: Type.String(), new: Type.Boolean() }),
  ),
});

const DiffElement = Type.Object({
  id: Type.String(),
  type: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
});
export const DiffQuery = Type.Object({ from: DefinitionId, to: DefinitionId });
export const DiffSchema = Type.Object({
  from: VersionSchema,
  to: VersionSchema,
  added: Type.Array(DiffElement),
  removed: Type.Array(DiffElement),
  changed: Type.Array(Type.Intersect([DiffElement, Type.Object({ properties: Type.Array(Type.String()) })])),
  layoutChanged: Type.Array(DiffElement),
});

const Instruction = Type.Object({
  sourceActivityIds: Type.Array(Type.String(), { minItems: 1 }),
  targetActivityIds: Type.Array(Type.String(), { minItems: 1 }),
  updateEventTrigger: Type.Optional(Type.Boolean()),
});
const MigrationPlanSchema = Type.Object({
  sourceProcessDefinitionId: DefinitionId,
  targetProcessDefinitionId: DefinitionId,
  instructions: Type.Array(Instruction),
});
export const PlanBody = Type.Object({ sourceId: DefinitionId, targetId: DefinitionId });
export const PlanSchema = Type.Object({
  plan: MigrationPlanSchema,
  failures: Type.Array(Type.Object({ instruction: Instruction, failures: Type.Array(Type.String()) })),
  instances: Type.Integer({ description: 'Instances running on the source version' }),
});
export const MigrateBody = Type.Object({
  plan: MigrationPlanSchema,
  processInstanceIds: Type.Optional(
    Type.Array(Type.String({ maxLength: 64 }), {
      maxItems: 10_000,
      description: 'Only these; every instance of the source version without it',
    }),
  ),
});
export const MigratedSchema = Type.Object({ migrated: Type.Integer(), from: VersionSchema, to: VersionSchema });
