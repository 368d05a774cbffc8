import { describe, expect, it } from 'vitest';
import { parseRejectionText, rejectionReasonText, REJECTION_TEXT_MAX } from '../../domain/review-decision.js';

describe("the reviewer's own words for a rejection", () => {
  it('given "other" without words, or only blanks, then they are required; another reason needs none', () => {
    expect(parseRejectionText('other', undefined)).toEqual({ ok: false, code: 'text_required' });
    expect(parseRejectionText('other', ' \r\n\t ')).toEqual({ ok: false, code: 'text_required' });
    expect(parseRejectionText('letter_unsigned', '')).toEqual({ ok: true, value: null });
  });

  it('given words with Windows line breaks, control characters and a zero-width non-joiner, then line feeds, spaces, and the ZWNJ kept', () => {
    expect(parseRejectionText('other', '  نامه\u200cای\r\nبی\u0007مهر \u001b ')).toEqual({
      ok: true,
      value: 'نامه\u200cای\nبی مهر',
    });
  });

  it(`given ${REJECTION_TEXT_MAX} characters, then kept; one more, then too long`, () => {
    expect(parseRejectionText('other', 'ب'.repeat(REJECTION_TEXT_MAX)).ok).toBe(true);
    expect(parseRejectionText('other', 'ب'.repeat(REJECTION_TEXT_MAX + 1))).toEqual({
      ok: false,
      code: 'text_too_long',
    });
  });

  it('given words, then "other" is told as those words alone, another reason as its text and the words', () => {
    expect(rejectionReasonText('other', 'نامه ناخواناست')).toEqual({ fa: 'نامه ناخواناست', en: 'نامه ناخواناست' });
    expect(rejectionReasonText('letter_unsigned', 'مهر ندارد').fa).toBe('معرفی‌نامه امضا یا مهر ندارد؛ مهر ندارد');
    expect(rejectionReasonText('other', null).fa).toContain('پشتیبانی');
  });
});
