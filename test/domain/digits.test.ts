import { describe, expect, it } from 'vitest';
import { normalizeDigits } from '../../domain/digits.js';

describe('normalizeDigits', () => {
  it('given Persian and Arabic-Indic digits, when normalised, then they become ASCII', () => {
    expect(normalizeDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(normalizeDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
  });

  it('given padding and invisible marks copied from an RTL page, when normalised, then they are gone', () => {
    expect(normalizeDigits(' \u200f۰۹۱۲\u200c۱۲۳\u200d۴۵۶۷\u200e ')).toBe('09121234567');
  });

  it('given separators, when stripSeparators is not asked, then they stay', () => {
    expect(normalizeDigits('0912 123-4567')).toBe('0912 123-4567');
  });

  it('given separators, when stripSeparators is asked, then spaces, dashes and parentheses go', () => {
    expect(normalizeDigits('(0912) 123\u2013۴۵-۶۷', { stripSeparators: true })).toBe('09121234567');
  });
});
