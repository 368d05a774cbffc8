import type { Config } from '../../config/config.js';
import { createCaptchasRepo } from '../../db/captchas-repo.js';
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
    const outcome = await createCaptchasRepo(db).consume(captchaId, captchas.answerHash(typed), now());
    return outcome === 'valid' ? ok(true) : fail(`captcha_${outcome}`);
  };
}

export type CaptchaVerifier = ReturnType<typeof createCaptchaVerifier>;
