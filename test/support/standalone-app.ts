import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { buildApp } from '../../api/app.js';
import { loadConfig } from '../../config/config.js';
import { createLogger } from '../../config/logger.js';

/**
 * The app on its own connections, as `npm run api` starts it (no job workers), with its log kept in
 * memory and one extra route that fails, to see what a client and the log get from a fault.
 */
export async function standaloneApp(env: Record<string, string> = {}, opts: { now?: () => Date } = {}) {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  const app = buildApp({
    config: loadConfig({ ...process.env, ...env }),
    logger: createLogger({ level: 'info' }, sink),
    rateLimitNameSpace: `test:${randomUUID()}:`,
    now: opts.now,
  });
  app.get('/__boom', async () => {
    throw new Error('secret detail 0012345679');
  });
  await app.ready();
  return { app, log: () => lines.join('') };
}

export type StandaloneApp = Awaited<ReturnType<typeof standaloneApp>>;
