import { Type, type TString } from '@sinclair/typebox';
import { REGISTRATION_STATUSES } from '../../db/registrations-repo.js';
import { APPLICANT_FIELDS, type ApplicantField } from '../../domain/applicant-data.js';
import { MessageTextSchema } from './common.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const applicantStrings = Object.fromEntries(APPLICANT_FIELDS.map((f) => [f, Type.String()])) as {
  [K in ApplicantField]: TString;
};

const MessageSchema = Type.Object({
  id: Type.String(),
  type: Type.Union([Type.Literal('error'), Type.Literal('info')]),
  field: Type.Optional(Type.String()),
  text: MessageTextSchema,
});

/** A registration as the form reads it: the step the process waits in, why, and what was entered. */
export const RegistrationViewSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  step: Type.Union(REGISTRATION_STATUSES.map((s) => Type.Literal(s))),
  trackingCode: Type.String({
    description: 'Seven digits the applicant quotes to the office; staff find the request by it',
  }),
  expiresAt: Nullable(Type.String({ format: 'date-time', description: 'When the open step times out' })),
  messages: Type.Array(MessageSchema),
  data: Nullable(
    Type.Object(applicantStrings, {
      description: 'What the applicant entered, normalised; never the password; null once the request has closed',
    }),
  ),
  letter: Nullable(
    Type.Object({
      fileName: Nullable(Type.String()),
      mimeType: Type.String(),
      sizeBytes: Type.Integer(),
      sha256: Type.String(),
      uploadedAt: Nullable(Type.String({ format: 'date-time' })),
    }),
  ),
  otp: Type.Optional(
    Type.Object({
      sentTo: Type.String({ description: 'The mobile number, masked' }),
      expiresAt: Nullable(Type.String({ format: 'date-time' })),
      resendAvailableAt: Nullable(Type.String({ format: 'date-time' })),
      wrongAttempts: Type.Integer(),
      maxWrongAttempts: Type.Integer(),
    }),
  ),
  username: Type.Optional(Type.String()),
  rejection: Type.Optional(Type.Object({ reason: Nullable(Type.String()), text: MessageTextSchema })),
});
