import { describe, expect, it } from 'vitest';
import { APPLICANT_DATA_ERRORS } from '../../domain/applicant-data.js';
import { BIRTH_CERTIFICATE_NUMBER_ERRORS } from '../../domain/birth-certificate-number.js';
import { EMAIL_ERRORS } from '../../domain/email.js';
import { BIRTH_DATE_ERRORS } from '../../domain/jalali-date.js';
import { LEGAL_ENTITY_ID_ERRORS } from '../../domain/legal-entity-id.js';
import { isMessageCode, MESSAGE_CODES, messageText, PROCESS_CODES } from '../../domain/messages.js';
import { MOBILE_ERRORS } from '../../domain/mobile.js';
import { NATIONAL_CODE_ERRORS } from '../../domain/national-code.js';
import { PASSWORD_ERRORS } from '../../domain/password-policy.js';
import { NAME_ERRORS } from '../../domain/person-name.js';

const PERSIAN_LETTER = /[\u0627-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]/;

describe('messages', () => {
  it('given every code of every rule and of the process, when looked up, then it has a text', () => {
    const codes = [
      ...NATIONAL_CODE_ERRORS,
      ...LEGAL_ENTITY_ID_ERRORS,
      ...MOBILE_ERRORS,
      ...BIRTH_DATE_ERRORS,
      ...NAME_ERRORS,
      ...EMAIL_ERRORS,
      ...BIRTH_CERTIFICATE_NUMBER_ERRORS,
      ...PASSWORD_ERRORS,
      ...APPLICANT_DATA_ERRORS,
      ...PROCESS_CODES,
    ];
    expect(new Set(MESSAGE_CODES)).toEqual(new Set(codes));
  });

  it.each(MESSAGE_CODES)('given %s, when looked up, then fa is Persian and en is non-empty', (code) => {
    const { fa, en } = messageText(code);
    expect(fa.trim()).not.toBe('');
    expect(fa).toMatch(PERSIAN_LETTER);
    // Persian copy writes ی and ک, never their Arabic look-alikes.
    expect(fa).not.toMatch(/[\u064a\u0643]/);
    expect(en.trim()).not.toBe('');
  });

  it('given strings, when tested, then only catalogue codes are message codes', () => {
    expect(isMessageCode('captcha_invalid')).toBe(true);
    expect(isMessageCode('toString')).toBe(false);
    expect(isMessageCode('nope')).toBe(false);
  });
});
