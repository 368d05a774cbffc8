import { existsSync } from 'node:fs';
import { aptInstall, ServiceUnavailableError } from './services.js';

const ESPEAK = '/usr/bin/espeak-ng';

/**
 * espeak-ng speaks the captcha's audio alternative (its Persian voice `fa`). Debian's package, installed
 * once as root like PostgreSQL, Redis and the browser tests' Chromium; a machine without it still runs,
 * and the audio answers 503 captcha_audio_unavailable.
 */
export async function ensureEspeak(log: (m: string) => void) {
  if (existsSync(ESPEAK)) return;
  if (process.getuid?.() !== 0) {
    log('espeak-ng is not installed, so the captcha has no audio: run `sudo apt-get install -y espeak-ng`');
    return;
  }
  await aptInstall('espeak-ng', log, { extraArgs: ['--no-install-recommends'] });
  if (!existsSync(ESPEAK))
    throw new ServiceUnavailableError(`apt-get installed espeak-ng but ${ESPEAK} does not exist`);
}
