import { fail, ok, type Result } from './result.js';

export const REJECTION_REASONS = [
  'letter_unsigned',
  'letter_mismatch',
  'agency_not_eligible',
  'representative_not_authorized',
  'other',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];
export type ReviewDecision = { decision: 'approve' } | { decision: 'reject'; reason: RejectionReason };

export const REJECTION_REASON_TEXT: Record<RejectionReason, { fa: string; en: string }> = {
  letter_unsigned: { fa: 'معرفی‌نامه امضا یا مهر ندارد', en: 'the introduction letter is not signed or stamped' },
  letter_mismatch: {
    fa: 'معرفی‌نامه با اطلاعات وارد شده مطابقت ندارد',
    en: 'the letter does not match the data entered',
  },
  agency_not_eligible: { fa: 'دستگاه اجرایی واجد شرایط نیست', en: 'the agency is not eligible' },
  representative_not_authorized: { fa: 'نماینده مجاز به معرفی نیست', en: 'the representative is not authorised' },
  other: { fa: 'سایر موارد؛ برای جزئیات با پشتیبانی تماس بگیرید', en: 'other; contact support for details' },
};

/** The reviewer's own words (a few SMS parts in Persian): required with "other", allowed with any reason. */
export const REJECTION_TEXT_MAX = 300;

// Control characters (C0 but line feed and tab, DEL, C1) would travel into SMS and e-mail as they are.
// Format characters stay: Persian needs the zero-width non-joiner.
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * The free-text reason of a rejection, as the notices and the applicant's view will show it: trimmed,
 * line breaks as \n, no control characters, at most REJECTION_TEXT_MAX characters; null when none.
 * It never enters the engine (whose history would keep it): the reviewers' API stores it with us.
 */
export function parseRejectionText(
  reason: RejectionReason,
  raw: unknown,
): Result<string | null, 'text_required' | 'text_too_long'> {
  const text = typeof raw === 'string' ? raw.replace(/\r\n?/g, '\n').replace(CONTROL, ' ').trim() : '';
  if (!text) return reason === 'other' ? fail('text_required') : ok(null);
  if ([...text].length > REJECTION_TEXT_MAX) return fail('text_too_long');
  return ok(text);
}

/** What the applicant is told: the reason's text, and the reviewer's words when given ("other" is then those words alone). */
export function rejectionReasonText(
  reason: RejectionReason,
  text: string | null | undefined,
): { fa: string; en: string } {
  const base = REJECTION_REASON_TEXT[reason];
  if (!text) return base;
  if (reason === 'other') return { fa: text, en: text };
  return { fa: `${base.fa}؛ ${text}`, en: `${base.en}; ${text}` };
}

/** One rule for a decision, whether it came from the reviewer API or from Tasklist's form. */
export function parseReviewDecision(
  decision: unknown,
  reason: unknown,
): Result<ReviewDecision, 'invalid_decision' | 'reason_required'> {
  if (decision === 'approve') return ok({ decision: 'approve' });
  if (decision !== 'reject') return fail('invalid_decision');
  if (typeof reason !== 'string' || !(REJECTION_REASONS as readonly string[]).includes(reason))
    return fail('reason_required');
  return ok({ decision: 'reject', reason: reason as RejectionReason });
}
