import { afterAll, describe, expect, it } from 'vitest';
import { createCaptchaService } from '../../api/captcha/captcha-service.js';
import { manualClock, testDatabase } from '../support/database.js';

const { db, config } = testDatabase();
const clock = manualClock(new Date());
const captchas = createCaptchaService(db, config, clock.now);
const verify = captchas.verify;
afterAll(() => db.destroy());

const persian = (digits: string) => digits.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);

describe('captcha of the login form', () => {
  it('given the answer (in Persian digits too), then accepted once, and refused when replayed', async () => {
    const c = await captchas.create();
    expect(await verify(c.id, persian(c.answer))).toEqual({ ok: true, value: true });
    expect(await verify(c.id, c.answer)).toEqual({ ok: false, code: 'captcha_invalid' });
  });

  it('given a wrong answer, then refused and the challenge is spent', async () => {
    const c = await captchas.create();
    const wrong = String((Number(c.answer) + 1) % 100000).padStart(c.answer.length, '0');
    expect(await verify(c.id, wrong)).toEqual({ ok: false, code: 'captcha_invalid' });
    expect(await verify(c.id, c.answer)).toEqual({ ok: false, code: 'captcha_invalid' });
  });

  it('given an expired challenge, then captcha_expired', async () => {
    const c = await captchas.create();
    clock.advance((config.CAPTCHA_TTL_SECONDS + 1) * 1000);
    expect(await verify(c.id, c.answer)).toEqual({ ok: false, code: 'captcha_expired' });
  });

  it('given an id that is no uuid, then captcha_invalid without a database error', async () => {
    expect(await verify('not-a-uuid', '12345')).toEqual({ ok: false, code: 'captcha_invalid' });
  });
});
