import { describe, expect, it } from 'vitest';
import { generateCaptchaAnswer, normalizeCaptchaInput } from '../../../adapters/captcha/captcha-answer.js';

describe('generateCaptchaAnswer', () => {
  it('gives five ASCII digits by default and the requested length otherwise', () => {
    expect(generateCaptchaAnswer()).toMatch(/^\d{5}$/);
    expect(generateCaptchaAnswer(8)).toMatch(/^\d{8}$/);
  });

  it('varies between calls', () => {
    expect(new Set(Array.from({ length: 20 }, () => generateCaptchaAnswer())).size).toBeGreaterThan(15);
  });

  it('rejects a length that is not a positive integer', () => {
    expect(() => generateCaptchaAnswer(0)).toThrow(RangeError);
  });
});

describe('normalizeCaptchaInput', () => {
  it('given Persian digits with spaces, then it gives ASCII digits', () => {
    expect(normalizeCaptchaInput('۴ ۰۷۱ ۹')).toBe('40719');
  });

  it('given Arabic-Indic and mixed digits, then it gives ASCII digits', () => {
    expect(normalizeCaptchaInput('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(normalizeCaptchaInput(' 1۲٣\t4 ')).toBe('1234');
  });
});
