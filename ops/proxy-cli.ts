import { runningProxyPid, startProxy, stopProxy } from './proxy/nginx.js';
import { proxySettings } from './proxy/settings.js';

/** `npm run proxy -- start|stop|status`: the one-origin reverse proxy (nginx) that `npm start` runs in the background. */
const log = (m: string) => console.log(`[proxy] ${m}`);
const s = proxySettings();
const command = process.argv[2] ?? 'status';

const commands: Record<string, () => Promise<unknown>> = {
  start: () => startProxy(s, log),
  stop: () => stopProxy(s, log),
  status: async () =>
    console.log(
      JSON.stringify(
        { pid: runningProxyPid(s) ?? null, origin: s.origin, config: s.configFile, errorLog: s.errorLog },
        null,
        2,
      ),
    ),
};

const fn = commands[command];
if (!fn) {
  console.error(`usage: npm run proxy -- ${Object.keys(commands).join('|')}`);
  process.exit(2);
}
fn().catch((e: Error & { code?: string }) => {
  console.error(`[proxy] ${e.code ?? 'ERROR'}: ${e.message}`);
  process.exit(1);
});
