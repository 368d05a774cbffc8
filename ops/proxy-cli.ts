import { spawn } from 'node:child_process';
import { NGINX, nginxArgs, runningProxyPid, startProxy, stopProxy, writeProxyConfig } from './proxy/nginx.js';
import { proxySettings } from './proxy/settings.js';

/**
 * `npm run proxy -- start|stop|status`: the one-origin reverse proxy (nginx) that `npm start` runs in the
 * background. `run` keeps nginx in the foreground, as a container's command (docker-compose.yml).
 */
const log = (m: string) => console.log(`[proxy] ${m}`);
const s = proxySettings();
const command = process.argv[2] ?? 'status';

const commands: Record<string, () => Promise<unknown>> = {
  start: () => startProxy(s, log),
  stop: () => stopProxy(s, log),
  run: async () => {
    await writeProxyConfig(s, { daemon: false });
    log(`nginx in the foreground: ${s.origin}/`);
    const nginx = spawn(NGINX, nginxArgs(s), { stdio: 'inherit' });
    // SIGTERM is nginx's fast shutdown, SIGQUIT its graceful one: a container's stop asks for the graceful.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => nginx.kill('SIGQUIT'));
    nginx.on('exit', (code) => process.exit(code ?? 1));
  },
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
