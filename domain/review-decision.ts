import { fail, ok, type Result } from './result.js';

export const REJECTION_REASONS = ['letter_unsigned', 'letter_mismatch', 'agency_not_eligible', 'representative_not_authorized', 'other'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];
export type ReviewDecision = { decision: 'approve' } | { decision: 'reject'; reason: RejectionReason };

export const REJECTION_REASON_TEXT: Record<RejectionReason, { fa: string; en: string }> = {
  letter_unsigned: { fa: 'معرفی‌نامه امضا یا مهر ندارد', en: 'the introduction letter is not signed or stamped' },
  letter_mismatch: { fa: 'معرفی‌نامه با اطلاعات وارد شده مطابقت ندارد', en: 'the letter does not match the data entered' },
  agency_not_eligible: { fa: 'دستگاه اجرایی واجد شرایط نیست', en: 'the agency is not eligible' },
  representative_not_authorized: { fa: 'نماینده مجاز به معرفی نیست', en: 'the representative is not authorised' },
  other: { fa: 'سایر موارد؛ برای جزئیات با پشتیبانی تماس بگیرید', en: 'other; contact support for details' },
};

/** One rule for a decision, whether it came from the reviewer API or from Tasklist's form. */
export function parseReviewDecision(decision: unknown, reason: unknown): Result<ReviewDecision, 'invalid_decision' | 'reason_required'> {
  if (decision === 'approve') return ok({ decision: 'approve' });
  if (decision !== 'reject') return fail('invalid_decision');
  if (typeof reason !== 'string' || !(REJECTION_REASONS as readonly string[]).includes(reason)) return fail('reason_required');
  return ok({ decision: 'reject', reason: reason as RejectionReason });
}
