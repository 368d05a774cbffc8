import { describe, expect, it } from 'vitest';
import { nationalCodeCheckDigit, validateNationalCode } from '../../domain/national-code.js';

const withCheckDigit = (firstNine: string) => `${firstNine}${nationalCodeCheckDigit(firstNine)}`;

describe('validateNationalCode', () => {
  it.each(['0499370899', '0790419904', '0084575948'])(
    'given the known valid code %s, when validated, then it is accepted',
    (code) => {
      expect(validateNationalCode(code)).toEqual({ ok: true, value: code });
    },
  );

  it.each(['123456789', '001234567', '272000001', '444444440'])(
    'given a code built from prefix %s by the rule, when validated, then it is accepted',
    (prefix) => {
      const code = withCheckDigit(prefix);
      expect(validateNationalCode(code)).toEqual({ ok: true, value: code });
    },
  );

  it('given the card spelling with Persian digits and dashes, when validated, then ten ASCII digits come back', () => {
    expect(validateNationalCode(' ۰۴۹-۹۳۷۰۸۹-۹ ')).toEqual({ ok: true, value: '0499370899' });
  });

  it('given a wrong check digit, when validated, then it fails the checksum', () => {
    expect(validateNationalCode('0499370898')).toEqual({ ok: false, code: 'national_code_checksum' });
  });

  it.each(['0000000000', '1111111111', '9999999999'])(
    'given the same-digit code %s, when validated, then it is refused',
    (code) => {
      expect(validateNationalCode(code)).toEqual({ ok: false, code: 'national_code_checksum' });
    },
  );

  it.each(['499370899', '04993708990', '04993708a9', ''])(
    'given %j, when validated, then it is a format error',
    (code) => {
      expect(validateNationalCode(code)).toEqual({ ok: false, code: 'national_code_format' });
    },
  );
});
