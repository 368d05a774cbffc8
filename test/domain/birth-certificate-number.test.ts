import { describe, expect, it } from 'vitest';
import { validateBirthCertificateNumber } from '../../domain/birth-certificate-number.js';

describe('validateBirthCertificateNumber', () => {
  it.each([
    ['1', '1'],
    ['۱۲۳۴', '1234'],
    ['0012', '0012'],
    ['0499370899', '0499370899'],
    [' ۱۲ ۳۴ ', '1234'],
  ])('given %j, when validated, then it is %j', (input, value) => {
    expect(validateBirthCertificateNumber(input)).toEqual({ ok: true, value });
  });

  it.each(['', '0', '0000', '12345678901', '12a', '12/الف'])(
    'given %j, when validated, then it is refused',
    (input) => {
      expect(validateBirthCertificateNumber(input)).toEqual({ ok: false, code: 'birth_certificate_number_format' });
    },
  );
});
