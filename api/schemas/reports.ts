import { Type } from '@sinclair/typebox';
import { PHASES, REGISTRATION_OUTCOMES, UNSUCCESSFUL_REASONS } from '../../domain/registration-figures.js';
import { BUCKET_UNITS } from '../../domain/report-buckets.js';
import { literals } from './common.js';

const Day = Type.String({
  maxLength: 20,
  description: 'A day in Tehran, included: 1405/01/01 (Jalali) or 2026-03-21 (Gregorian)',
  examples: ['1405/01/01'],
});
const Instant = Type.String({ format: 'date-time' });

export const ReportQuerySchema = Type.Object({
  from: Day,
  to: Day,
  bucket: Type.Optional(literals(BUCKET_UNITS, { default: 'day' })),
  calendar: Type.Optional(literals(['jalali', 'gregorian'] as const, { default: 'jalali' })),
});

const Figures = Type.Object({
  period: Type.String({
    description: 'Day 1405/01/15, week by its Saturday, month 1405/01, year 1405; Gregorian 2026-04-04, 2026-04, 2026',
  }),
  started: Type.Integer(),
  successful: Type.Integer(),
  unsuccessful: Type.Object(Object.fromEntries(UNSUCCESSFUL_REASONS.map((k) => [k, Type.Integer()]))),
  open: Type.Integer(),
  medianSeconds: Type.Object(Object.fromEntries(PHASES.map((k) => [k, Type.Union([Type.Number(), Type.Null()])]))),
});

export const ReportSchema = Type.Object({
  from: Instant,
  to: Type.String({ format: 'date-time', description: 'Exclusive: the first instant after the last day' }),
  bucket: Type.String(),
  calendar: Type.String(),
  timeZone: Type.String(),
  generatedAt: Instant,
  openNow: Type.Integer({ description: 'Every registration open now, whenever it started' }),
  periods: Type.Array(Figures, {
    description: 'By the period a registration started in; started = successful + unsuccessful + open',
  }),
  total: Figures,
  daysFromRollup: Type.Integer({
    description:
      'Days of the range read from the nightly roll-up rather than counted now: a period with any has its medians from merged duration digests, within 1 % of the exact median',
  }),
});

/** The most registrations a page of a figure's list holds, and what it holds unless asked for fewer. */
export const MAX_PAGE_SIZE = 200;

export const InstancesQuerySchema = Type.Object({
  ...ReportQuerySchema.properties,
  period: Type.Optional(
    Type.String({ maxLength: 20, description: 'A period label of the report; every period when absent' }),
  ),
  figure: Type.Optional(literals(['started', ...REGISTRATION_OUTCOMES] as const, { default: 'started' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1, description: 'From 1' })),
  pageSize: Type.Optional(
    Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: MAX_PAGE_SIZE, description: 'Registrations a page' }),
  ),
});

export const InstancesSchema = Type.Object({
  figure: Type.String(),
  period: Type.Union([Type.String(), Type.Null()]),
  count: Type.Integer({ description: 'Equal to the figure in the report' }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  pages: Type.Integer({ description: 'Pages of pageSize that hold all `count` registrations' }),
  instances: Type.Array(
    Type.Object({
      registrationId: Type.String({ format: 'uuid' }),
      processInstanceId: Type.Union([Type.String(), Type.Null()]),
      /** The instance in Cockpit (Operaton's monitoring app): diagram, current step, incidents. */
      cockpitUrl: Type.Union([Type.String(), Type.Null()]),
      status: Type.String(),
      outcome: Type.String(),
      createdAt: Instant,
    }),
    { description: 'The page asked for, oldest first (empty past the last page)' },
  ),
});
