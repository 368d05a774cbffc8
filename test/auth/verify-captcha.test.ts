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

describe('the audio of a captcha (same challenge, same answer)', () => {
  it('given a new challenge, then its audio is served once, and the answer heard is still accepted once', async () => {
    const c = await captchas.create();
    expect((await captchas.audio(c.id)).ok).toBe(true);
    expect(await captchas.audio(c.id)).toEqual({ ok: false, code: 'captcha_audio_used' });
    expect(await verify(c.id, c.answer)).toEqual({ ok: true, value: true });
  });

  it('given a challenge already answered (right or wrong), then its audio is refused, and nothing of the answer stays in its row', async () => {
    const c = await captchas.create();
    expect(await verify(c.id, '00000000')).toEqual({ ok: false, code: 'captcha_invalid' });
    expect(await captchas.audio(c.id)).toEqual({ ok: false, code: 'captcha_audio_used' });
    expect((await db('captchas').where({ id: c.id }).first()).answer_sealed).toBeNull();
  });

  it('given an expired challenge or an unknown id, then captcha_expired or not_found', async () => {
    const c = await captchas.create();
    clock.advance((config.CAPTCHA_TTL_SECONDS + 1) * 1000);
    expect(await captchas.audio(c.id)).toEqual({ ok: false, code: 'captcha_expired' });
    expect(await captchas.audio('00000000-0000-4000-8000-000000000000')).toEqual({ ok: false, code: 'not_found' });
    expect(await captchas.audio('not-a-uuid')).toEqual({ ok: false, code: 'not_found' });
  });
});
