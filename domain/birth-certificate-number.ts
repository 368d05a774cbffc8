import { fail, ok, type Result } from './result.js';
import { normalizeDigits } from './digits.js';

export const BIRTH_CERTIFICATE_NUMBER_ERRORS = ['birth_certificate_number_format'] as const;
export type BirthCertificateNumberError = (typeof BIRTH_CERTIFICATE_NUMBER_ERRORS)[number];

/**
 * A شماره شناسنامه: 1–10 digits. Older certificates carry short local numbers; for people
 * born since about 1368 it is the national code, hence up to ten. The number is passed on as
 * written, leading zeros included, so the registry compares what the applicant typed.
 */
export function validateBirthCertificateNumber(input: string): Result<string, BirthCertificateNumberError> {
  const number = normalizeDigits(input, { stripSeparators: true });
  if (!/^\d{1,10}$/.test(number) || /^0+$/.test(number)) return fail('birth_certificate_number_format');
  return ok(number);
}
