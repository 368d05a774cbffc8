import { randomUUID } from 'node:crypto';
import { generateCaptchaAnswer, normalizeCaptchaInput } from '../../adapters/captcha/captcha-answer.js';
import { renderCaptchaPng } from '../../adapters/captcha/render-captcha-png.js';
import type { Config } from '../../config/config.js';
import { createCaptchasRepo } from '../../db/captchas-repo.js';
import type { Db } from '../../db/knex.js';
import { hashSecret } from '../../domain/one-time-code.js';

/** Captcha challenges (card step 5): the answer is kept only as an HMAC, each is used once and expires. */
export function createCaptchaService(db: Db, config: Config, now: () => Date = () => new Date()) {
  return {
    async create() {
      const id = randomUUID();
      const answer = generateCaptchaAnswer();
      await createCaptchasRepo(db).create({
        id, answerHash: hashSecret(answer, config.SECRET_PEPPER),
        expiresAt: new Date(now().getTime() + config.CAPTCHA_TTL_SECONDS * 1000),
      });
      return { id, image: `data:image/png;base64,${renderCaptchaPng(answer).toString('base64')}`, answer };
    },
    /** What the applicant typed, in the form it is stored and compared (Persian digits accepted). */
    answerHash: (typed: string) => hashSecret(normalizeCaptchaInput(typed), config.SECRET_PEPPER),
  };
}

export type CaptchaService = ReturnType<typeof createCaptchaService>;
