import { describe, expect, it } from 'vitest';
import { validateEmail } from '../../domain/email.js';

describe('validateEmail', () => {
  it('given an address with an upper-case domain, when validated, then only the domain is lower-cased', () => {
    expect(validateEmail(' Ali.Rezaei@ITO.GOV.IR ')).toEqual({ ok: true, value: 'Ali.Rezaei@ito.gov.ir' });
  });

  it.each(['a@b.ir', 'first.last+tag@sub.example.com', "o'neil@example.org", 'x@xn--mgba3a4f16a.ir', 'a@a-b.co'])(
    'given %j, when validated, then it is accepted',
    (email) => {
      expect(validateEmail(email).ok).toBe(true);
    },
  );

  it.each([
    'plain',
    '@example.com',
    'a@',
    'a@localhost',
    'a@example.c',
    'a@-example.com',
    'a@example..com',
    '.a@example.com',
    'a..b@example.com',
    'a b@example.com',
    'علی@example.com',
    'a@مثال.ایران',
    'a@example.com.',
    'a@1.2.3.4',
  ])('given %j, when validated, then it is refused', (email) => {
    expect(validateEmail(email)).toEqual({ ok: false, code: 'email_format' });
  });

  it('given a local part over 64 characters or an address over 254, when validated, then it is refused', () => {
    expect(validateEmail(`${'a'.repeat(65)}@example.com`).ok).toBe(false);
    expect(validateEmail(`a@${Array(5).fill('b'.repeat(60)).join('.')}.ir`).ok).toBe(false);
    expect(validateEmail(`${'a'.repeat(64)}@example.com`).ok).toBe(true);
  });
});
