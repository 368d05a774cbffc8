import { describe, expect, it } from 'vitest';
import { checkPassword } from '../../domain/password-policy.js';

describe('checkPassword', () => {
  it('given a long passphrase without symbols or digits, when checked, then it is accepted unchanged', () => {
    expect(checkPassword(' correct horse battery staple ')).toEqual({
      ok: true,
      value: ' correct horse battery staple ',
    });
  });

  it('given 7 characters, when checked, then it is too short; 8 pass', () => {
    expect(checkPassword('kq7#vza')).toEqual({ ok: false, code: 'password_too_short' });
    expect(checkPassword('kq7#vzaw').ok).toBe(true);
  });

  it('given a Persian password of 8 letters, when checked, then code points are counted and it passes', () => {
    expect(checkPassword('رمزعبورم').ok).toBe(true);
    expect(checkPassword('😀😀😀😀').ok).toBe(false);
  });

  it('given 129 characters, when checked, then it is too long; 128 pass', () => {
    expect(checkPassword('x'.repeat(127) + 'y').ok).toBe(true);
    expect(checkPassword('x'.repeat(128) + 'y')).toEqual({ ok: false, code: 'password_too_long' });
  });

  it.each(['password', '12345678', 'qwertyuiop', 'PassWord', 'ILOVEYOU'])(
    'given the common password %j in any case, when checked, then it is refused',
    (password) => {
      expect(checkPassword(password)).toEqual({ ok: false, code: 'password_common' });
    },
  );

  it('given the national code inside the password, when checked, then it is refused', () => {
    expect(checkPassword('me0499370899!', { nationalCode: '0499370899' })).toEqual({
      ok: false,
      code: 'password_contains_personal_data',
    });
  });

  it('given the mobile in any spelling or in Persian digits, when checked, then it is refused', () => {
    const context = { mobile: '09121234567' };
    for (const password of ['x09121234567', '+989121234567', 'pw۹۱۲۱۲۳۴۵۶۷', 'a 912 123 4567'])
      expect(checkPassword(password, context)).toEqual({ ok: false, code: 'password_contains_personal_data' });
  });

  it('given personal data that does not occur in the password, when checked, then it passes', () => {
    expect(checkPassword('kq7#vzaw-long', { nationalCode: '0499370899', mobile: '09121234567' }).ok).toBe(true);
  });
});
