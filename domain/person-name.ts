import { fail, ok, type Result } from './result.js';

export const NAME_ERRORS = ['name_format'] as const;
export type NameError = (typeof NAME_ERRORS)[number];

const ZWNJ = '\u200c';

/**
 * One spelling for Persian text typed on Arabic or Persian keyboards, so that names compare
 * equal to the civil registry's records: Arabic yeh/alef maksura and kaf become Persian ی and ک;
 * tatweel and short-vowel marks, which registry records do not carry, are dropped; runs of
 * spaces collapse and ZWNJ is kept only between letters, where it belongs in Persian spelling.
 */
export function normalizePersianText(input: string): string {
  return (
    input
      .replace(/[\u064a\u0649]/g, '\u06cc')
      .replace(/\u0643/g, '\u06a9')
      // The tatweel and the short vowels, one by one: none combines with another here.
      // eslint-disable-next-line no-misleading-character-class
      .replace(/[\u0640\u064b-\u0652\u0670]/g, '')
      .replace(/[\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
      .replace(/\u200c+/g, ZWNJ)
      .replace(/\s+/g, ' ')
      .replace(/ ?\u200c ?/g, (m) => (m === ZWNJ ? ZWNJ : ' '))
      .trim()
      .replace(/^\u200c+|\u200c+$/g, '')
  );
}

// The Persian alphabet plus the hamza forms found in names (رئیسی، مؤمنی، اسماعیل‌زاده، أمیر).
const LETTER = '\u0621-\u063a\u0641-\u0648\u067e\u0686\u0698\u06a9\u06af\u06cc';
const NAME = new RegExp(`^[${LETTER}](?:[${LETTER} \u200c]*[${LETTER}])?$`);

/** A first, last or father's name in Persian script, 2–50 characters after normalisation. */
export function validatePersonName(input: string): Result<string, NameError> {
  const name = normalizePersianText(input);
  const length = [...name].length;
  if (length < 2 || length > 50 || !NAME.test(name)) return fail('name_format');
  return ok(name);
}
