import { normalizeDigits } from './digits.js';
import { normalizePersianText } from './person-name.js';

/*
 * Account usernames: <first-initial><last-name>.<4 digits>, e.g. mrzayi.0912 for محمد رضایی
 * representing the agency whose شناسه ملی is 14007650912.
 *
 * - Readable: the representative's names, transliterated, so the person and the support desk
 *   can say it over the phone; lower-case ASCII [a-z0-9.] only, because SSO clients and SMS
 *   handle nothing else reliably.
 * - Does not reveal the national code: the digits are the last four of the agency's legal-entity
 *   id, which is public, and they tell two representatives with the same name apart across agencies.
 * - Unique: cannot be known without the accounts table, so `usernameCandidates` offers the base
 *   and then numbered variants; the caller takes the first one that is free.
 * - Stable: transliteration is a fixed table, but the table may improve, so the caller stores the
 *   chosen username with the registration and never recomputes it.
 * - 3–32 characters: the name part is cut so that a numbered variant still fits.
 *
 * The counter goes on the name part (mrzayi2.0912), not after the digits, where it would
 * read as part of the agency's id.
 */

const USERNAME_PATTERN = /^[a-z0-9.]{3,32}$/;
const USERNAME_MAX_LENGTH = 32;

export interface UsernameInput {
  firstName: string;
  lastName: string;
  agencyNationalId: string;
}

const TABLE: Readonly<Record<string, string>> = {
  ا: 'a',
  آ: 'a',
  أ: 'a',
  إ: 'e',
  ب: 'b',
  پ: 'p',
  ت: 't',
  ث: 's',
  ج: 'j',
  چ: 'ch',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'z',
  ر: 'r',
  ز: 'z',
  ژ: 'zh',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'z',
  ط: 't',
  ظ: 'z',
  ع: '',
  غ: 'gh',
  ف: 'f',
  ق: 'gh',
  ک: 'k',
  گ: 'g',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  ة: 'h',
  ئ: 'y',
  ؤ: 'o',
  ء: '',
};

const VOWEL_LETTERS = new Set(['ا', 'آ', 'و', 'ی']);

/**
 * Persian script to lower-case ASCII. Short vowels are not written in Persian, so the result is
 * a skeleton (رضایی → rzayi); و and ی, which are both consonants and vowels, are read by
 * position: consonant at the start of a word or next to a long vowel (وحید → vhid, رضایی → rzayi,
 * داوود → davvd), vowel elsewhere (نوری → nori, کریمی → krimi).
 */
export function transliteratePersian(input: string): string {
  const chars = [...normalizePersianText(input).toLowerCase()];
  let out = '';
  chars.forEach((c, i) => {
    const prev = chars[i - 1];
    const next = chars[i + 1];
    const wordStart = prev === undefined || !/\p{L}/u.test(prev);
    if (c === 'ع') out += wordStart ? 'a' : '';
    else if (c === 'ی') out += wordStart || prev === 'ا' || prev === 'آ' || prev === 'و' ? 'y' : 'i';
    else if (c === 'و') {
      const consonant = wordStart || VOWEL_LETTERS.has(prev) || next === 'ا' || next === 'آ';
      out += consonant ? 'v' : 'o';
    } else if (c in TABLE) out += TABLE[c];
    else if (/[a-z0-9]/.test(c)) out += c;
  });
  return out;
}

function parts(input: UsernameInput): { name: string; digits: string } {
  const initial = transliteratePersian(input.firstName).charAt(0);
  // A name that transliterates to nothing (hamzas only, say) still needs a readable name part.
  const name = `${initial}${transliteratePersian(input.lastName)}` || 'user';
  const digits = normalizeDigits(input.agencyNationalId, { stripSeparators: true }).replace(/\D/g, '');
  return { name, digits: digits.slice(-4).padStart(4, '0') };
}

function compose(name: string, suffix: string, digits: string): string {
  const room = USERNAME_MAX_LENGTH - suffix.length - 1 - digits.length;
  return `${name.slice(0, room)}${suffix}.${digits}`;
}

/** The base, then mrzayi2.0912, mrzayi3.0912, … up to `limit` names in all. */
export function* usernameCandidates(input: UsernameInput, limit = 100): Generator<string> {
  const { name, digits } = parts(input);
  for (let n = 1; n <= limit; n++) yield compose(name, n === 1 ? '' : String(n), digits);
}

export function isValidUsername(s: string): boolean {
  return USERNAME_PATTERN.test(s);
}
