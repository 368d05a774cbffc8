import { timingSafeEqual } from 'node:crypto';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/knex.js';
import { fail, ok, type Result } from '../../domain/result.js';
import { createCaptchaService } from '../captcha/captcha-service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks a captcha answer for the login form, hashed as the registration form's are. The
 * challenge is consumed by its first check, right or wrong, so an answer cannot be replayed and
 * a wrong guess costs a new image.
 */
export function createCaptchaVerifier(db: Db, config: Config, now: () => Date = () => new Date()) {
  const captchas = createCaptchaService(db, config, now);
  return async function verifyCaptcha(captchaId: string, typed: string): Promise<Result<true, 'captcha_invalid' | 'captcha_expired'>> {
    if (typeof captchaId !== 'string' || !UUID.test(captchaId) || typeof typed !== 'string') return fail('captcha_invalid');
    const [row] = await db('captchas').where({ id: captchaId }).whereNull('consumed_at')
      .update({ consumed_at: now() }).returning(['answer_hash', 'expires_at']);
    if (!row) return fail('captcha_invalid');
    if (new Date(row.expires_at) <= now()) return fail('captcha_expired');
    const a = Buffer.from(row.answer_hash as string, 'hex');
    const b = Buffer.from(captchas.answerHash(typed), 'hex');
    return a.length === b.length && timingSafeEqual(a, b) ? ok(true) : fail('captcha_invalid');
  };
}

export type CaptchaVerifier = ReturnType<typeof createCaptchaVerifier>;
