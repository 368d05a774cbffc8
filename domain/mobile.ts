import { fail, ok, type Result } from './result.js';
import { normalizeDigits } from './digits.js';

export const MOBILE_ERRORS = ['mobile_format'] as const;
export type MobileError = (typeof MOBILE_ERRORS)[number];

// Every accepted spelling ends in the 10-digit subscriber number 9xxxxxxxxx; what comes
// before it is the trunk prefix (0) or the country code (98) in one of its written forms.
const MOBILE = /^(?:\+98|0098|98|0)?(9\d{9})$/;

/** An Iranian mobile number in the domestic form 09xxxxxxxxx, as Shahkar and the SMS gateway expect. */
export function normalizeMobile(input: string): Result<string, MobileError> {
  const match = MOBILE.exec(normalizeDigits(input, { stripSeparators: true }));
  if (!match) return fail('mobile_format');
  return ok(`0${match[1]}`);
}
