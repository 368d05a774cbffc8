import { fail, ok, type Result } from './result.js';
import { validateNationalCode, type NationalCodeError } from './national-code.js';
import { normalizeMobile, type MobileError } from './mobile.js';
import { validatePersonName, normalizePersianText, type NameError } from './person-name.js';
import { validateBirthCertificateNumber, type BirthCertificateNumberError } from './birth-certificate-number.js';
import { validateBirthDate, type BirthDateError } from './jalali-date.js';
import { validateEmail, type EmailError } from './email.js';
import { validateLegalEntityId, type LegalEntityIdError } from './legal-entity-id.js';

/** The step-3 form fields (applicant details), in the order the form shows them. */
export const APPLICANT_FIELDS = [
  'nationalCode',
  'mobile',
  'firstName',
  'lastName',
  'fatherName',
  'birthCertificateNumber',
  'birthDate',
  'email',
  'agencyName',
  'agencyNationalId',
  'representativePosition',
] as const;
export type ApplicantField = (typeof APPLICANT_FIELDS)[number];

export const APPLICANT_DATA_ERRORS = ['required', 'agency_name_format', 'representative_position_format'] as const;

export type ApplicantFieldCode =
  | (typeof APPLICANT_DATA_ERRORS)[number]
  | NationalCodeError
  | MobileError
  | NameError
  | BirthCertificateNumberError
  | BirthDateError
  | EmailError
  | LegalEntityIdError;

interface FieldError {
  field: ApplicantField;
  code: ApplicantFieldCode;
}

/** Every field as the rules normalised it: ASCII digits, Persian ی/ک, 09… mobile, Jalali text date. */
export type ApplicantData = Record<ApplicantField, string> & {
  /** The birth date in the Gregorian calendar (YYYY-MM-DD), for services and storage that want it. */
  birthDateGregorian: string;
};

export type ApplicantDataResult = { ok: true; value: ApplicantData } | { ok: false; errors: FieldError[] };

export type RawApplicantData = Partial<Record<ApplicantField, unknown>>;

/** Free text that must hold at least one letter and no control characters, e.g. an agency's name. */
function freeText<C extends string>(min: number, max: number, code: C) {
  return (input: string): Result<string, C> => {
    const text = normalizePersianText(input);
    const length = [...text].length;
    if (length < min || length > max || !/\p{L}/u.test(text) || /\p{Cc}/u.test(text)) return fail(code);
    return ok(text);
  };
}

/**
 * Checks every field and reports all that are wrong at once, so the applicant corrects the form
 * in one pass. `today` decides the birth date's age limits.
 */
export function validateApplicantData(raw: RawApplicantData, today: Date): ApplicantDataResult {
  let birthDateGregorian = '';
  const birthDate = (input: string): Result<string, BirthDateError> => {
    const result = validateBirthDate(input, today);
    if (!result.ok) return result;
    birthDateGregorian = result.value.iso;
    return ok(result.value.text);
  };
  const rules: Record<ApplicantField, (input: string) => Result<string, ApplicantFieldCode>> = {
    nationalCode: validateNationalCode,
    mobile: normalizeMobile,
    firstName: validatePersonName,
    lastName: validatePersonName,
    fatherName: validatePersonName,
    birthCertificateNumber: validateBirthCertificateNumber,
    birthDate,
    email: validateEmail,
    agencyName: freeText(2, 200, 'agency_name_format'),
    agencyNationalId: validateLegalEntityId,
    representativePosition: freeText(2, 100, 'representative_position_format'),
  };

  const errors: FieldError[] = [];
  const values: Partial<Record<ApplicantField, string>> = {};
  for (const field of APPLICANT_FIELDS) {
    const input = raw[field];
    if (typeof input !== 'string' || input.trim() === '') {
      errors.push({ field, code: 'required' });
      continue;
    }
    const result = rules[field](input);
    if (result.ok) values[field] = result.value;
    else errors.push({ field, code: result.code });
  }
  if (errors.length > 0) return { ok: false, errors };

  // Every field passed, so every field has its value.
  return { ok: true, value: { ...(values as Record<ApplicantField, string>), birthDateGregorian } };
}
