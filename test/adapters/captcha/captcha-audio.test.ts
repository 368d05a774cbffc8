import { describe, expect, it } from 'vitest';
import { renderCaptchaWav } from '../../../adapters/captcha/captcha-audio.js';
import { openAnswer, sealAnswer } from '../../../adapters/captcha/seal-answer.js';
import { createRandom } from '../../../adapters/captcha/seeded-random.js';
import { digitsSsml, SpeechUnavailableError } from '../../../adapters/captcha/speak-digits.js';
import { wavFacts } from '../../support/wav-facts.js';

describe('the captcha spoken in Persian (espeak-ng)', () => {
  it('given five digits, when spoken without noise, then a WAV with five stretches of speech, one per digit, over several seconds', async () => {
    const facts = wavFacts(await renderCaptchaWav('30718', { noise: 0, rng: createRandom(7) }));
    expect(facts).toMatchObject({ rate: 11025, speechSegments: 5, floorToPeak: 0 });
    expect(facts.seconds).toBeGreaterThan(4);
    expect(facts.seconds).toBeLessThan(12);
  });

  it('given the same digits with noise, then the pauses are no longer silent (no silence detector splits it) and it is still a few seconds', async () => {
    const facts = wavFacts(await renderCaptchaWav('30718', { rng: createRandom(7) }));
    expect(facts.floorToPeak).toBeGreaterThan(0.02);
    expect(facts.speechSegments).toBeLessThan(5);
    expect(facts.seconds).toBeGreaterThan(4);
  });

  it('given a captcha, then the text espeak-ng gets is the digits in Persian, in order, with pauses of varying length', () => {
    const ssml = digitsSsml('30718', createRandom(1));
    expect(ssml.replace(/<[^>]+>/g, '')).toBe('۳۰۷۱۸');
    const pauses = [...ssml.matchAll(/<break time="(\d+)ms"\/>/g)].map((m) => Number(m[1]));
    expect(pauses).toHaveLength(4);
    expect(Math.min(...pauses)).toBeGreaterThanOrEqual(700);
  });

  it('given no espeak-ng, then SpeechUnavailableError (the API answers 503)', async () => {
    await expect(renderCaptchaWav('12345', { command: '/nonexistent/espeak-ng' })).rejects.toBeInstanceOf(
      SpeechUnavailableError,
    );
  });
});

describe('the sealed answer kept for the audio', () => {
  it('given a sealed answer, then it opens with the same pepper only, and the sealed text does not show the digits', () => {
    const sealed = sealAnswer('30718', 'pepper one');
    expect(sealed).not.toContain('30718');
    expect(openAnswer(sealed, 'pepper one')).toBe('30718');
    expect(() => openAnswer(sealed, 'pepper two')).toThrow();
  });
});
