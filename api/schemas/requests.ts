import { Type, type TOptional, type TString } from '@sinclair/typebox';
import { APPLICANT_FIELDS, type ApplicantField } from '../../domain/applicant-data.js';
import { RegistrationViewSchema } from './view.js';

const examples: Partial<Record<ApplicantField, string>> = {
  nationalCode: '0012345679',
  mobile: '09121234567',
  birthDate: '1370/01/15',
  agencyNationalId: '14000000000',
};

// Every field optional and a string: the domain rules report each missing or wrong field by name, all at once.
const fields = Object.fromEntries(
  APPLICANT_FIELDS.map((f) => [
    f,
    Type.Optional(Type.String({ maxLength: 300, ...(examples[f] ? { examples: [examples[f]] } : {}) })),
  ]),
) as {
  [K in ApplicantField]: TOptional<TString>;
};

export const ApplicantBody = Type.Object(fields, {
  description: 'Card step 3. Persian and Arabic digits are accepted; birthDate is Jalali, year/month/day.',
});

export const SubmitBody = Type.Object({
  password: Type.String({
    minLength: 1,
    maxLength: 1024,
    description: '8–128 characters; very common passwords are refused',
  }),
  captchaId: Type.String({ format: 'uuid' }),
  captcha: Type.String({ minLength: 1, maxLength: 32, description: 'The digits on the captcha image' }),
});

export const StartBody = Type.Object(
  {
    captchaId: Type.Optional(Type.String({ format: 'uuid' })),
    captcha: Type.Optional(
      Type.String({ minLength: 1, maxLength: 32, description: 'The digits on the captcha image' }),
    ),
  },
  {
    description:
      'Empty, until the address has started RATE_LIMIT_START_MAX times in the window: then a solved captcha (GET /api/captcha), asked for by 429 captcha_required',
  },
);

export const OtpBody = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 32, description: 'The code sent by SMS' }),
});

export const StartedSchema = Type.Object({
  token: Type.String({ description: 'Send as `Authorization: Bearer <token>` on every later call; shown only once' }),
  registration: RegistrationViewSchema,
});

export const CaptchaSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  image: Type.String({ description: 'A PNG data URL' }),
});
