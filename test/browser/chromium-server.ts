import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { ensureChromium } from '../../ops/chromium.js';
import { CHROMIUM_FLAGS } from './chromium-flags.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The browser the browser test files share (each in a context of its own). */
    chromiumEndpoint: string;
  }
}

/**
 * The browser project's global setup: one headless Chromium for every browser test file of the run,
 * started once (its start is seconds on a busy machine), each file connecting and opening its own
 * context, so no cookie, storage or permission passes from one file to the next.
 */
export default async function setup(project: TestProject) {
  const executablePath = await ensureChromium((m) => console.log(`[browser test] ${m}`));
  const server = await chromium.launchServer({ executablePath, headless: true, args: CHROMIUM_FLAGS });
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return () => server.close();
}
