import { existsSync } from 'node:fs';
import { aptInstall } from './services.js';

export class ChromiumUnavailableError extends Error {
  static readonly code = 'CHROMIUM_UNAVAILABLE';
  readonly code = ChromiumUnavailableError.code;
  override name = ChromiumUnavailableError.name;
}

// Debian's package puts the launcher at the first path; the others cover Ubuntu-style and Chrome installs.
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

const found = (extra?: string) => [extra, ...CANDIDATES].find((p): p is string => !!p && existsSync(p));

/**
 * The path of a Chromium for playwright-core. Debian's package is used instead of Playwright's own
 * download because the machines that run the tests reach Debian's mirrors but not Playwright's CDN.
 */
export async function ensureChromium(log: (m: string) => void = () => undefined): Promise<string> {
  const existing = found(process.env.CHROMIUM_PATH);
  if (existing) return existing;
  if (process.getuid?.() !== 0) {
    throw new ChromiumUnavailableError(
      'Chromium is not installed and this user cannot install it: run `sudo apt-get install -y chromium` or set CHROMIUM_PATH',
    );
  }
  const fail = (message: string) => new ChromiumUnavailableError(message);
  // A one-time install; it takes a few minutes.
  await aptInstall('chromium', log, { extraArgs: ['--no-install-recommends'], fail });
  const path = found();
  if (!path) throw fail(`apt-get installed chromium but none of ${CANDIDATES.join(', ')} exists`);
  return path;
}
