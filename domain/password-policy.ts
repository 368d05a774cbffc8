import { dictionary } from '@zxcvbn-ts/language-common';
import { fail, ok, type Result } from './result.js';
import { normalizeDigits } from './digits.js';

export const PASSWORD_ERRORS = [
  'password_too_short',
  'password_too_long',
  'password_common',
  'password_contains_personal_data',
] as const;
export type PasswordError = (typeof PASSWORD_ERRORS)[number];

const PASSWORD_MIN_LENGTH = 8;
const PASSWORD_MAX_LENGTH = 128;

export interface PasswordContext {
  nationalCode?: string;
  mobile?: string;
}

// Built on first use: ~49,000 entries that most imports of this module never need.
let common: Set<string> | undefined;
function isCommon(password: string): boolean {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common.has(password.toLowerCase());
}

/** The parts of the applicant's identity an attacker who knows them would try first. */
function personalDigits({ nationalCode, mobile }: PasswordContext): string[] {
  const found: string[] = [];
  const code = nationalCode && normalizeDigits(nationalCode, { stripSeparators: true });
  if (code) found.push(code);
  const phone = mobile && normalizeDigits(mobile, { stripSeparators: true });
  // The last ten digits are common to 0912…, +98912… and 98912…, so one check covers every spelling.
  if (phone && phone.length >= 10) found.push(phone.slice(-10));
  return found;
}

/**
 * NIST SP 800-63B: length and a blocklist, no composition rules (they push people to
 * predictable patterns). Length counts code points, so a Persian or emoji password is
 * measured by what the user typed, not by UTF-16 units. The password is returned unchanged:
 * spaces and case are the user's choice.
 */
export function checkPassword(password: string, context: PasswordContext = {}): Result<string, PasswordError> {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return fail('password_too_short');
  if (length > PASSWORD_MAX_LENGTH) return fail('password_too_long');
  const digits = normalizeDigits(password, { stripSeparators: true });
  if (personalDigits(context).some((p) => digits.includes(p))) return fail('password_contains_personal_data');
  if (isCommon(password)) return fail('password_common');
  return ok(password);
}
