import { Type, type TSchema } from '@sinclair/typebox';
import { REJECTION_REASONS } from '../../domain/review-decision.js';
import { literals, MessageTextSchema } from './common.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Instant = Type.String({ format: 'date-time' });
const Inquiry = Nullable(Type.Object({ outcome: Type.String({ description: 'match, no_match or deceased' }), at: Nullable(Instant) }));

export const ReviewQueueQuery = Type.Object({ state: Type.Optional(Type.Literal('open', { default: 'open' })) });

export const ReviewQueueSchema = Type.Object({
  items: Type.Array(Type.Object({
    registrationId: Type.String({ format: 'uuid' }),
    agency: Type.Object({ name: Nullable(Type.String()), nationalId: Nullable(Type.String()) }),
    waitingSince: Instant,
    dueAt: Instant,
    overdue: Type.Boolean(),
  }), { description: 'Oldest first' }),
});

export const ReviewDetailSchema = Type.Object({
  registrationId: Type.String({ format: 'uuid' }),
  status: Type.String(),
  review: Type.Object({ open: Type.Boolean(), startedAt: Nullable(Instant), decidedAt: Nullable(Instant), dueAt: Nullable(Instant), rejectionReason: Nullable(Type.String()) }),
  agency: Type.Object({ name: Nullable(Type.String()), nationalId: Nullable(Type.String()) }),
  representative: Nullable(Type.Object(Object.fromEntries(
    ['nationalCode', 'firstName', 'lastName', 'fatherName', 'birthDate', 'birthCertificateNumber', 'mobile', 'email', 'position'].map((k) => [k, Type.String()]),
  ))),
  inquiries: Type.Object({ civilRegistry: Inquiry, shahkar: Inquiry }),
  letter: Nullable(Type.Object({ fileName: Nullable(Type.String()), mimeType: Type.String(), sizeBytes: Type.Integer(), sha256: Type.String(), uploadedAt: Nullable(Instant) })),
  rejectionReasons: Type.Array(Type.Object({ id: Type.String(), text: MessageTextSchema }), { description: 'The reasons a rejection may give, in order' }),
});

export const DecisionBody = Type.Object({
  decision: literals(['approve', 'reject'] as const),
  reason: Type.Optional(literals(REJECTION_REASONS, { description: 'Required to reject' })),
});

export const DecisionSchema = Type.Object({
  registrationId: Type.String({ format: 'uuid' }),
  decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]),
  reason: Nullable(Type.String()),
});
