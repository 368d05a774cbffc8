import { createRandom, type Random } from './seeded-random.js';
import { speakDigits } from './speak-digits.js';
import { writeWav, type Pcm } from './wav.js';

export interface CaptchaAudioOptions {
  /** How loud the noise is against the speech's peak (0 for none: the tests' clean reference). */
  noise?: number;
  rng?: Random;
  command?: string;
  /** How long espeak-ng may run before it is killed. */
  timeoutMs?: number;
}

/** Half the rate by averaging pairs: speech stays clear (a telephone keeps less) and the file halves for slow networks. */
function halveRate({ rate, samples }: Pcm): Pcm {
  const out = new Int16Array(samples.length >> 1);
  for (let i = 0; i < out.length; i += 1) out[i] = (samples[2 * i]! + samples[2 * i + 1]!) >> 1;
  return { rate: rate / 2, samples: out };
}

/**
 * Noise that sits in the speech's own band and moves: a random walk (brownish, like a room), bursts
 * of crackle, and a hum whose pitch drifts, so a plain filter or a silence detector does not strip it.
 */
function addNoise({ rate, samples }: Pcm, level: number, rng: Random): Pcm {
  let peak = 1;
  for (const s of samples) peak = Math.max(peak, Math.abs(s));
  const amplitude = peak * level;
  const lead = Math.round(rate * rng.range(0.4, 0.7));
  const out = new Int16Array(samples.length + lead + Math.round(rate * 0.5));
  let walk = 0;
  let phase = 0;
  let hum = rng.range(120, 300);
  for (let i = 0; i < out.length; i += 1) {
    walk = 0.97 * walk + rng.range(-1, 1);
    hum += rng.range(-0.5, 0.5);
    phase += (2 * Math.PI * hum) / rate;
    const crackle = rng.next() < 0.002 ? rng.range(-1, 1) * 1.5 : 0;
    const noise = amplitude * (0.12 * walk + 0.35 * Math.sin(phase) + 0.4 * rng.range(-1, 1) + crackle);
    const speech = i >= lead && i - lead < samples.length ? samples[i - lead]! : 0;
    out[i] = Math.max(-32768, Math.min(32767, Math.round(speech + noise)));
  }
  return { rate, samples: out };
}

/** The captcha's answer spoken in Persian digits, with noise, as a WAV (16-bit mono, 11 kHz). */
export async function renderCaptchaWav(
  answer: string,
  { noise = 0.12, rng = createRandom(), command, timeoutMs }: CaptchaAudioOptions = {},
): Promise<Buffer> {
  const speech = halveRate(await speakDigits(answer, rng.fork(), command, timeoutMs));
  return writeWav(noise > 0 ? addNoise(speech, noise, rng.fork()) : speech);
}
