import { randomUUID } from 'node:crypto';
import { renderCaptchaWav } from '../../adapters/captcha/captcha-audio.js';
import { generateCaptchaAnswer, normalizeCaptchaInput } from '../../adapters/captcha/captcha-answer.js';
import { renderCaptchaPng } from '../../adapters/captcha/render-captcha-png.js';
import { openAnswer, sealAnswer } from '../../adapters/captcha/seal-answer.js';
import { createSpeechSlots } from '../../adapters/captcha/speech-slots.js';
import type { Config } from '../../config/config.js';
import { createCaptchasRepo } from '../../db/captchas-repo.js';
import type { Db } from '../../db/knex.js';
import { hashSecret } from '../../domain/one-time-code.js';
import { fail, ok, type Result } from '../../domain/result.js';

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Captcha challenges (card step 5): the answer is kept only as an HMAC, each is used once and expires.
 * One challenge has two forms of the same answer, the image (sent with it) and the audio (fetched once,
 * by its id); the first check of an answer, right or wrong, ends the challenge and so both forms.
 */
export function createCaptchaService(db: Db, config: Config, now: () => Date = () => new Date()) {
  const captchas = createCaptchasRepo(db);
  const answerHash = (typed: string) => hashSecret(normalizeCaptchaInput(typed), config.SECRET_PEPPER);
  const speech = createSpeechSlots(config.ESPEAK_MAX_CONCURRENT, config.ESPEAK_QUEUE_WAIT_MS);
  const speak = { command: config.ESPEAK_COMMAND, timeoutMs: config.ESPEAK_TIMEOUT_MS };
  return {
    async create() {
      const id = randomUUID();
      const answer = generateCaptchaAnswer();
      await captchas.create({
        id,
        answerHash: hashSecret(answer, config.SECRET_PEPPER),
        answerSealed: sealAnswer(answer, config.SECRET_PEPPER),
        expiresAt: new Date(now().getTime() + config.CAPTCHA_TTL_SECONDS * 1000),
      });
      return { id, image: `data:image/png;base64,${renderCaptchaPng(answer).toString('base64')}`, answer };
    },
    /**
     * The answer spoken in Persian digits with noise (a WAV), for a challenge not yet answered nor
     * expired, once: a second request, or one after the answer was checked, is refused. The challenge is
     * taken only once a speech slot is free, so a request refused as busy (SpeechBusyError) keeps its audio.
     */
    async audio(captchaId: string): Promise<Result<Buffer, 'captcha_audio_used' | 'captcha_expired' | 'not_found'>> {
      if (!UUID_PATTERN.test(captchaId)) return fail('not_found');
      return speech.run(async () => {
        const taken = await captchas.takeForAudio(captchaId, now());
        if ('sealed' in taken) return ok(await renderCaptchaWav(openAnswer(taken.sealed, config.SECRET_PEPPER), speak));
        return fail(
          ({ used: 'captcha_audio_used', expired: 'captcha_expired', unknown: 'not_found' } as const)[taken.refused],
        );
      });
    },
    /** What the applicant typed, in the form it is stored and compared (Persian digits accepted). */
    answerHash,
    /**
     * Checks an answer at once (the login form; registration's step 6 is a worker on the stored hash).
     * The challenge is used up by its first check, right or wrong, so a wrong guess costs a new image.
     */
    async verify(captchaId: string, typed: string): Promise<Result<true, 'captcha_invalid' | 'captcha_expired'>> {
      if (!UUID_PATTERN.test(captchaId)) return fail('captcha_invalid');
      const outcome = await captchas.consume(captchaId, answerHash(typed), now());
      return outcome === 'valid' ? ok(true) : fail(`captcha_${outcome}`);
    },
  };
}

export type CaptchaService = ReturnType<typeof createCaptchaService>;
