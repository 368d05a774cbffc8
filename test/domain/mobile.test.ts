import { describe, expect, it } from 'vitest';
import { normalizeMobile } from '../../domain/mobile.js';

describe('normalizeMobile', () => {
  it.each([
    '09121234567',
    '9121234567',
    '+989121234567',
    '00989121234567',
    '989121234567',
    '۰۹۱۲۱۲۳۴۵۶۷',
    '٠٩١٢١٢٣٤٥٦٧',
    '0912 123 4567',
    '(0912) 123-4567',
    '+98 912 123 4567',
  ])('given %j, when normalised, then it is 09121234567', (input) => {
    expect(normalizeMobile(input)).toEqual({ ok: true, value: '09121234567' });
  });

  it('given any 09x operator prefix, when normalised, then it is accepted', () => {
    for (let d = 0; d <= 9; d++) expect(normalizeMobile(`09${d}01234567`).ok).toBe(true);
  });

  it.each(['02112345678', '0912123456', '091212345678', '+19121234567', '+98 21 1234 5678', 'abc', ''])(
    'given %j, when normalised, then it is refused',
    (input) => {
      expect(normalizeMobile(input)).toEqual({ ok: false, code: 'mobile_format' });
    },
  );
});
