import { fail, ok, type Result } from './result.js';
import { normalizeDigits } from './digits.js';

export const NATIONAL_CODE_ERRORS = ['national_code_format', 'national_code_checksum'] as const;
export type NationalCodeError = (typeof NATIONAL_CODE_ERRORS)[number];

/** The check digit of a national code's first nine digits (the civil registry's mod-11 rule). */
export function nationalCodeCheckDigit(firstNine: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * (10 - i);
  const r = sum % 11;
  return r < 2 ? r : 11 - r;
}

/**
 * A کد ملی as 10 ASCII digits. Shorter codes are refused rather than zero-padded: the
 * civil registry service wants exactly what is printed on the card, and padding would
 * silently accept typos that drop a digit.
 */
export function validateNationalCode(input: string): Result<string, NationalCodeError> {
  const code = normalizeDigits(input, { stripSeparators: true });
  if (!/^\d{10}$/.test(code)) return fail('national_code_format');
  // Same-digit codes pass the checksum but are never issued; they are what people type to get past a form.
  if (/^(\d)\1{9}$/.test(code)) return fail('national_code_checksum');
  if (nationalCodeCheckDigit(code) !== Number(code[9])) return fail('national_code_checksum');
  return ok(code);
}
