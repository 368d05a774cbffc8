import { Type, type TSchema } from '@sinclair/typebox';
import { REGISTRATION_STATUSES } from '../../db/registrations-repo.js';
import { REJECTION_REASONS, REJECTION_TEXT_MAX } from '../../domain/review-decision.js';
import { literals, MessageTextSchema } from './common.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Instant = Type.String({ format: 'date-time' });
const Inquiry = Nullable(
  Type.Object({ outcome: Type.String({ description: 'match, no_match or deceased' }), at: Nullable(Instant) }),
);

/** The reviewers' page shows this many requests at a time; a client may ask for up to the maximum. */
export const REVIEW_PAGE_SIZE = 50;
const REVIEW_PAGE_SIZE_MAX = 100;

export const ReviewQueueQuery = Type.Object({
  state: Type.Optional(Type.Literal('open', { default: 'open' })),
  page: Type.Optional(
    Type.Integer({
      minimum: 1,
      // Far past any queue (a hundred million reviews at the largest page size); the engine's offset stays a Java int.
      maximum: 1_000_000,
      default: 1,
      description: 'Page 1 holds the oldest requests; a page past the last is empty, with the totals',
    }),
  ),
  pageSize: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: REVIEW_PAGE_SIZE_MAX,
      default: REVIEW_PAGE_SIZE,
      description: 'Requests per page',
    }),
  ),
});

export const ReviewQueueSchema = Type.Object({
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer({ description: 'Every open review, on any page' }),
  overdue: Type.Integer({ description: 'Open reviews waiting longer than REVIEW_REMINDER, on any page' }),
  items: Type.Array(
    Type.Object({
      registrationId: Type.String({ format: 'uuid' }),
      trackingCode: Type.String({ description: 'The seven digits the applicant quotes; Tasklist shows them too' }),
      agency: Type.Object({ name: Nullable(Type.String()), nationalId: Nullable(Type.String()) }),
      waitingSince: Instant,
      dueAt: Instant,
      overdue: Type.Boolean(),
    }),
    { description: "This page's requests, oldest first" },
  ),
});

export const ReviewDetailSchema = Type.Object({
  registrationId: Type.String({ format: 'uuid' }),
  trackingCode: Type.String({ description: 'The seven digits the applicant quotes; Tasklist shows them too' }),
  status: Type.String(),
  review: Type.Object({
    open: Type.Boolean(),
    startedAt: Nullable(Instant),
    decidedAt: Nullable(Instant),
    dueAt: Nullable(Instant),
    rejectionReason: Nullable(Type.String()),
    rejectionText: Nullable(Type.String({ description: "The reviewer's own words, with the reason other" })),
    dataRemovedAt: Nullable(
      Type.String({
        format: 'date-time',
        description: 'When the retention policy removed the personal data and letter of this unsuccessful request',
      }),
    ),
  }),
  agency: Type.Object({ name: Nullable(Type.String()), nationalId: Nullable(Type.String()) }),
  representative: Nullable(
    Type.Object(
      Object.fromEntries(
        [
          'nationalCode',
          'firstName',
          'lastName',
          'fatherName',
          'birthDate',
          'birthCertificateNumber',
          'mobile',
          'email',
          'position',
        ].map((k) => [k, Type.String()]),
      ),
    ),
  ),
  inquiries: Type.Object({ civilRegistry: Inquiry, shahkar: Inquiry }),
  letter: Nullable(
    Type.Object({
      fileName: Nullable(Type.String()),
      mimeType: Type.String(),
      sizeBytes: Type.Integer(),
      sha256: Type.String(),
      uploadedAt: Nullable(Instant),
    }),
  ),
  letterSignature: Nullable(
    Type.Object(
      {
        outcome: Type.String({
          description:
            'valid, not_signed, bad_signature, expired, untrusted_chain, revoked, key_usage, wrong_kind or other_organization',
        }),
        format: Nullable(Type.String({ description: 'embedded (in the PDF) or detached (.p7s)' })),
        signer: Nullable(Type.String()),
        organization: Nullable(Type.String()),
        agencyNationalId: Nullable(Type.String()),
        role: Nullable(Type.String()),
        kind: Nullable(Type.String()),
        issuer: Nullable(Type.String()),
        serialNumber: Nullable(Type.String()),
        notBefore: Nullable(Instant),
        notAfter: Nullable(Instant),
        signingTime: Nullable(Instant),
        revocation: Nullable(
          Type.String({ description: "good, revoked or not_checked (per the issuer's CRL at the check)" }),
        ),
        revokedAt: Nullable(Instant),
        checkedAt: Instant,
      },
      {
        description: "Card step 3-2's check of the letter's electronic signature (the government organizational seal)",
      },
    ),
  ),
  otherRequests: Type.Array(
    Type.Object({
      registrationId: Type.String({ format: 'uuid' }),
      status: Type.Union(REGISTRATION_STATUSES.map((s) => Type.Literal(s))),
      startedAt: Instant,
      submittedAt: Nullable(Instant),
      verifiedAt: Nullable(Instant),
      closedAt: Nullable(Instant),
    }),
    {
      description:
        'Other requests that named the same agency, oldest first: ids, steps and times only. Only a verified one (verifiedAt) holds the agency.',
    },
  ),
  rejectionReasons: Type.Array(Type.Object({ id: Type.String(), text: MessageTextSchema }), {
    description: 'The reasons a rejection may give, in order',
  }),
});

export const DecisionBody = Type.Object({
  decision: literals(['approve', 'reject'] as const),
  reason: Type.Optional(literals(REJECTION_REASONS, { description: 'Required to reject' })),
  reasonText: Type.Optional(
    Type.String({
      maxLength: 1000,
      description: `The reviewer's own words, told to the applicant: required with reason other, at most ${REJECTION_TEXT_MAX} characters. Kept in Payam's database, never in the engine.`,
    }),
  ),
});

export const DecisionSchema = Type.Object({
  registrationId: Type.String({ format: 'uuid' }),
  decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]),
  reason: Nullable(Type.String()),
  reasonText: Nullable(Type.String()),
});
