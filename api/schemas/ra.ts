import { Type } from '@sinclair/typebox';
import { RA_REJECTION_REASONS, REVOCATION_REASONS } from '../../domain/ra-decision.js';
import { literals, MessageTextSchema } from './common.js';

const Status = literals(['received', 'checking', 'approved', 'issued', 'rejected', 'revoked'] as const);
const Action = literals(['issue', 'revoke', 'renew'] as const);

export const RequestIdParams = Type.Object({
  id: Type.String({ format: 'uuid', description: "The certificate request's id" }),
});
export const DocumentParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  documentId: Type.String({ format: 'uuid' }),
});

export const FiledSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  trackingCode: Type.String({ description: 'Eight digits the applicant quotes and looks the request up by' }),
});

export const RequestListQuery = Type.Object({ state: Type.Optional(literals(['open', 'all'] as const)) });
export const RequestListSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      trackingCode: Type.String(),
      status: Status,
      action: Action,
      kind: Type.String(),
      organization: Type.Union([Type.String(), Type.Null()]),
      role: Type.Union([Type.String(), Type.Null()]),
      createdAt: Type.String({ format: 'date-time' }),
    }),
  ),
});

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const RequestDetailSchema = Type.Object({
  id: Type.String(),
  trackingCode: Type.String(),
  status: Status,
  action: Action,
  kind: Type.String(),
  role: Nullable(Type.String()),
  organization: Nullable(Type.String()),
  agencyNationalId: Nullable(Type.String()),
  applicant: Type.Object({
    nationalCode: Nullable(Type.String()),
    firstName: Nullable(Type.String()),
    lastName: Nullable(Type.String()),
    mobile: Nullable(Type.String()),
  }),
  csr: Type.Union([Type.Object({ subject: Type.String(), key: Nullable(Type.String()) }), Type.Null()]),
  documents: Type.Array(
    Type.Object({ id: Type.String(), kind: Type.String(), fileName: Nullable(Type.String()), mimeType: Type.String() }),
  ),
  documentsPurged: Type.Boolean(),
  targetSerial: Nullable(Type.String()),
  targetTrackingCode: Nullable(Type.String()),
  rejectionReason: Nullable(Type.String()),
  revocationReason: Type.Union([Type.Integer(), Type.Null()]),
  certificate: Type.Union([Type.Object({ serialNumber: Type.String(), downloaded: Type.Boolean() }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  open: Type.Boolean(),
  rejectionReasons: Type.Array(Type.Object({ id: Type.String(), text: MessageTextSchema })),
});

export const RaDecisionBody = Type.Object({
  decision: Type.String({ description: 'approve | reject' }),
  reason: Type.Optional(Type.String({ description: `With reject: ${RA_REJECTION_REASONS.join(' | ')}` })),
});
export const RaDecisionSchema = Type.Object({ decision: Type.String() });

export const RevokeBody = Type.Object({
  reason: Type.String({
    description: `RFC 5280 reason: ${Object.keys(REVOCATION_REASONS)
      .filter((r) => r !== 'superseded')
      .join(' | ')} (a renewal supersedes)`,
  }),
});

export const TrackingParams = Type.Object({ trackingCode: Type.String({ pattern: '^[0-9]{8}$' }) });
export const PublicStatusSchema = Type.Object({
  trackingCode: Type.String(),
  action: Action,
  status: literals(['received', 'checking', 'issued', 'rejected', 'revoked'] as const),
  text: MessageTextSchema,
  rejectionReason: Type.Union([Type.Object({ id: Type.String(), text: MessageTextSchema }), Type.Null()]),
});
