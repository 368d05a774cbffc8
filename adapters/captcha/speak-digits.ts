import { spawn } from 'node:child_process';
import type { Random } from './seeded-random.js';
import { readWav, type Pcm } from './wav.js';

export class SpeechUnavailableError extends Error {
  static readonly code = 'SPEECH_UNAVAILABLE';
  readonly code = SpeechUnavailableError.code;
  override name = SpeechUnavailableError.name;
}

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

/**
 * SSML for espeak-ng: each digit written in Persian, with a pause of its own between digits, so a
 * listener hears them one at a time and the spacing is no fixed pattern.
 */
export function digitsSsml(answer: string, rng: Random): string {
  const words = [...answer].map((d) => PERSIAN_DIGITS[Number(d)] ?? '');
  return `<speak>${words.map((w, i) => (i ? `<break time="${rng.int(700, 1100)}ms"/>` : '') + w).join('')}</speak>`;
}

/**
 * The digits spoken by espeak-ng's Persian voice, slowly, at a speed and pitch drawn for this captcha.
 * The text goes in on stdin, never as an argument, so the answer does not show in the process list.
 * A run longer than `timeoutMs` is killed: a stuck synthesizer must not hold a CPU and a request forever.
 */
export function speakDigits(answer: string, rng: Random, command = 'espeak-ng', timeoutMs = 5_000): Promise<Pcm> {
  if (!/^\d+$/.test(answer)) throw new RangeError('only digits are spoken');
  const args = [
    '-v',
    'fa',
    '-s',
    String(rng.int(105, 130)),
    '-p',
    String(rng.int(35, 65)),
    '-m',
    '--stdin',
    '--stdout',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new SpeechUnavailableError(`${command} could not run: ${e.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut)
        return reject(new SpeechUnavailableError(`${command} ran longer than ${timeoutMs} ms and was killed`));
      if (code !== 0) return reject(new SpeechUnavailableError(`${command} exited with ${code}: ${err.slice(0, 300)}`));
      try {
        resolve(readWav(Buffer.concat(out)));
      } catch (e) {
        reject(new SpeechUnavailableError(`${command} wrote no usable WAV: ${(e as Error).message}`));
      }
    });
    // A command that exits without reading its input must not turn into an unhandled EPIPE.
    child.stdin.on('error', () => undefined);
    child.stdin.end(digitsSsml(answer, rng));
  });
}
