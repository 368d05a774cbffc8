import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { chromium, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { ensureChromium } from '../../ops/chromium.js';
import { CHROMIUM_FLAGS } from './chromium-flags.js';
import { axeViolations } from './axe.js';

export const ARTIFACTS = 'test-artifacts/browser';
// The narrowest phones still sold in Iran are 360 px wide.
export const PHONE = { width: 360, height: 780 };
export const DESKTOP = { width: 1280, height: 900 };

/**
 * A context of its own (a fresh profile: no cookies, storage or permissions of another file) in the
 * run's shared headless Chromium (test/browser/chromium-server.ts), or in one of its own when the file
 * runs outside the browser project; emulating a phone (or a desktop, for the desktop-only modeler); its
 * language Persian unless `locale` says otherwise.
 */
export async function openBrowser({ desktop = false, locale = 'fa-IR' }: { desktop?: boolean; locale?: string } = {}) {
  await mkdir(ARTIFACTS, { recursive: true });
  const endpoint = inject('chromiumEndpoint');
  const browser = endpoint
    ? await chromium.connect(endpoint)
    : await chromium.launch({
        executablePath: await ensureChromium((m) => console.log(`[browser test] ${m}`)),
        headless: true,
        args: CHROMIUM_FLAGS,
      });
  const context = await browser.newContext({
    locale,
    timezoneId: 'Asia/Tehran',
    ...(desktop ? { viewport: DESKTOP } : { viewport: PHONE, isMobile: true, hasTouch: true }),
  });
  return {
    context,
    async close() {
      await context.close();
      // Connected: only this file's connection ends; launched: the browser closes.
      await browser.close();
    },
  };
}

/** Asserts axe-core finds nothing at WCAG 2.2 A and AA on the page as it is now; `name` says which page and step. */
export async function expectAccessible(page: Page, name: string) {
  expect(await axeViolations(page), `axe on ${name} at ${page.viewportSize()?.width} px`).toEqual([]);
}

/**
 * Every page and step the tests pass through: axe at WCAG 2.2 A and AA, and a full-page screenshot,
 * at phone width (360 px) and at desktop width (1280 px), once the fonts are in.
 */
export async function checkPage(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await expectAccessible(page, name);
  await page.screenshot({ path: `${ARTIFACTS}/${name}-phone.png`, fullPage: true, animations: 'disabled' });
  await page.setViewportSize(DESKTOP);
  await expectAccessible(page, name);
  await page.screenshot({ path: `${ARTIFACTS}/${name}-desktop.png`, fullPage: true, animations: 'disabled' });
  await page.setViewportSize(PHONE);
}

/** What a reader sees of the page's layout: direction, the Vazirmatn faces in use, and horizontal overflow on a phone. */
export const layoutFacts = (page: Page) =>
  page.evaluate(async () => {
    await document.fonts.ready;
    return {
      dir: getComputedStyle(document.body).direction,
      vazirmatnLoaded: [...document.fonts].some(
        (f) => f.family.replace(/"/g, '') === 'Vazirmatn' && f.status === 'loaded',
      ),
      overflows: document.documentElement.scrollWidth > window.innerWidth,
    };
  });

/**
 * Everything that went wrong in the page: script errors, console errors, answers of 400 and more
 * (unless `expected`), and any request leaving this machine (it has no internet, and the form needs none).
 */
export function watchProblems(page: Page, expected: (status: number, url: string) => boolean = () => false) {
  const problems: string[] = [];
  // The console repeats each failed answer; the answers themselves are checked instead.
  page.on(
    'console',
    (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && problems.push(m.text()),
  );
  // With where it was thrown: a script error in the engine's web apps is otherwise hard to place.
  page.on('pageerror', (e) =>
    problems.push(
      [
        e.message,
        ...(e.stack ?? '')
          .split('\n')
          .slice(1, 4)
          .map((l) => l.trim()),
      ].join(' ← '),
    ),
  );
  page.on(
    'response',
    (r) => r.status() >= 400 && !expected(r.status(), r.url()) && problems.push(`${r.status()} ${r.url()}`),
  );
  // chrome: and chrome-extension: are the browser's own PDF viewer (the reviewer page's letter), loaded from inside it.
  page.on(
    'request',
    (r) =>
      !/^(http:\/\/127\.0\.0\.1:\d+\/|data:|blob:|chrome:|chrome-extension:)/.test(r.url()) &&
      problems.push(`outside request: ${r.url()}`),
  );
  return problems;
}

/**
 * Opens the browser and serves the API of a `useApiOnStack` context on a free port, for one test file.
 * Registered after the stack's hooks, so the browser closes before the app and the stack.
 */
export function useBrowserOnApi(
  ctx: { app: { listen(o: { host: string; port: number }): Promise<unknown>; server: { address(): unknown } } },
  options?: { desktop?: boolean },
) {
  const session = {} as { browser: Awaited<ReturnType<typeof openBrowser>>; baseUrl: string };
  beforeAll(async () => {
    session.browser = await openBrowser(options);
    await ctx.app.listen({ host: '127.0.0.1', port: 0 });
    session.baseUrl = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => session.browser?.close());
  return session;
}
