import { Type } from '@sinclair/typebox';
import { MONITORED_PROCESSES } from '../../adapters/engine-history/figures-from-history.js';
import { literals, MessageTextSchema } from './common.js';
import { ReportQuerySchema } from './reports.js';

const Instant = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const DiagramQuerySchema = Type.Object({
  process: Type.Optional(literals(MONITORED_PROCESSES, { default: 'agency-registration' })),
  version: Type.Optional(
    Type.String({
      pattern: '^(latest|all|[1-9][0-9]{0,5})$',
      default: 'latest',
      description: 'latest (default), all (every version, merged by element id), or a version number',
    }),
  ),
});

export const FiguresQuerySchema = Type.Object({
  ...DiagramQuerySchema.properties,
  from: ReportQuerySchema.properties.from,
  to: ReportQuerySchema.properties.to,
});

export const ExportQuerySchema = Type.Object({
  ...FiguresQuerySchema.properties,
  format: literals(['csv', 'xlsx'] as const),
});

export const DiagramSchema = Type.Object({
  process: Type.String(),
  definitionId: Type.String(),
  version: Type.Integer({ description: 'The version drawn: the newest of those selected' }),
  versions: Type.Array(Type.Object({ id: Type.String(), version: Type.Integer() }), {
    description: 'Every deployed version, newest first',
  }),
  xml: Type.String({ description: 'The BPMN XML of the version drawn' }),
});

export const FiguresSchema = Type.Object({
  process: Type.String(),
  definitionId: Type.String(),
  version: Type.Integer(),
  versions: Type.Array(Type.Integer(), { description: 'The versions whose figures are summed' }),
  from: Instant,
  to: Type.String({ format: 'date-time', description: 'Exclusive: the first instant after the last day' }),
  generatedAt: Instant,
  days: Type.Object(
    {
      total: Type.Integer(),
      fromRollup: Type.Integer({ description: 'Closed days read from the daily roll-up' }),
      fromHistory: Type.Integer({ description: "Today, read from the engine's history" }),
      withoutData: Type.Integer({ description: 'Closed days neither rolled up nor still in the history' }),
    },
    { description: "Where the period's days came from" },
  ),
  elements: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Nullable(Type.String()),
      type: Type.String({ description: 'bpmn:UserTask, bpmn:ServiceTask, bpmn:ExclusiveGateway, …' }),
      waitingNow: Type.Integer({ description: 'Instances at the element now, whatever the period' }),
      instances: Type.Integer({ description: 'Instances that left the element in the period (summed by day)' }),
      passes: Type.Integer({ description: 'Visits that ended in the period (a loop back to step 3 visits again)' }),
      medianMs: Nullable(Type.Number({ description: 'Median time spent, within 1 %' })),
      p90Ms: Nullable(Type.Number({ description: '90th percentile of the time spent, within 1 %' })),
    }),
  ),
  flows: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Nullable(Type.String()),
      sourceId: Type.String(),
      targetId: Type.String(),
      taken: Type.Integer({ description: 'Times taken in the period (by when its target began)' }),
      share: Nullable(
        Type.Number({ description: "Of all flows taken out of the same element, this one's share (0–1)" }),
      ),
    }),
  ),
});

export const OverdueSchema = Type.Object({
  reviewReminder: Type.String({ description: 'REVIEW_REMINDER, the age past which a review is overdue' }),
  items: Type.Array(
    Type.Object({
      kind: Type.String({ description: 'review, applicant-data (step 3–5) or otp (step 9-2)' }),
      registrationId: Nullable(Type.String()),
      trackingCode: Nullable(Type.String()),
      processInstanceId: Type.String(),
      since: Instant,
      waitingSeconds: Type.Integer(),
      dueAt: Nullable(Instant),
      reviewUrl: Nullable(Type.String({ description: "The request on the reviewers' page" })),
      cockpitUrl: Type.String(),
    }),
    { description: 'Oldest first' },
  ),
});

export const IncidentsSchema = Type.Object({
  bySystem: Type.Record(Type.String(), Type.Integer()),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      system: Type.String({ description: 'pgsb, civil_registry, shahkar, sms, mail, ca, other' }),
      code: Nullable(Type.String({ description: 'The code the message starts with, e.g. PGSB_TIMEOUT' })),
      explanation: MessageTextSchema,
      activityId: Type.String(),
      processInstanceId: Type.String(),
      trackingCode: Nullable(Type.String()),
      openSince: Instant,
      openSeconds: Type.Integer(),
      cockpitUrl: Type.String({ description: "The instance's incidents in Cockpit, where it is retried" }),
    }),
    { description: 'Oldest first; the failure itself, not its echo on a calling activity' },
  ),
});
