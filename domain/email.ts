import { fail, ok, type Result } from './result.js';

export const EMAIL_ERRORS = ['email_format'] as const;
export type EmailError = (typeof EMAIL_ERRORS)[number];

// Pragmatic rather than RFC 5322: quoted local parts, IP literals and comments are legal but
// are in practice typos, and our mail relay would refuse them anyway.
const LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/i;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * An e-mail address with its domain lower-cased. The local part keeps its case: the receiving
 * server decides whether it matters.
 */
export function validateEmail(input: string): Result<string, EmailError> {
  const email = input.trim();
  const at = email.lastIndexOf('@');
  if (at < 1 || email.length > 254) return fail('email_format');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1).toLowerCase();
  if (local.length > 64 || !LOCAL.test(local)) return fail('email_format');
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !TOP_LEVEL.test(labels.at(-1)!)) {
    return fail('email_format');
  }
  return ok(`${local}@${domain}`);
}
