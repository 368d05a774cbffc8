import { randomInt } from 'node:crypto';

/** The answer is the secret, so it comes from the CSPRNG; the picture's noise does not need to. */
export function generateCaptchaAnswer(length = 5): string {
  if (!Number.isInteger(length) || length < 1) throw new RangeError('captcha length must be a positive integer');
  let answer = '';
  for (let i = 0; i < length; i += 1) answer += String(randomInt(10));
  return answer;
}

const PERSIAN_ZERO = 0x06f0; // ۰
const ARABIC_ZERO = 0x0660; // ٠

/**
 * Iranian keyboards type Persian digits and some phones Arabic-Indic ones; people also add
 * spaces between digits they read one by one. Both must still match the ASCII answer.
 */
export function normalizeCaptchaInput(input: string): string {
  return input
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - PERSIAN_ZERO))
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - ARABIC_ZERO))
    .replace(/\s+/gu, '');
}
