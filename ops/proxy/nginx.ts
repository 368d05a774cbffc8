import { existsSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { run } from '../run.js';
import { aptInstall } from '../services.js';
import { ensureLocalCertificate } from './local-certificate.js';
import { renderNginxConfig } from './nginx-config.js';
import type { ProxySettings } from './settings.js';

export const NGINX = '/usr/sbin/nginx';

class ProxyStartError extends Error {
  static readonly code = 'PROXY_START';
  readonly code = ProxyStartError.code;
  override name = ProxyStartError.name;
}

type Log = (m: string) => void;

/** Debian's nginx (1.22 on bookworm), installed once as root like PostgreSQL and Redis. */
export async function ensureNginx(log: Log) {
  if (existsSync(NGINX)) return;
  const fail = (message: string) => new ProxyStartError(message);
  await aptInstall('nginx', log, { extraArgs: ['--no-install-recommends'], fail });
  if (!existsSync(NGINX)) throw fail(`apt-get installed nginx but ${NGINX} does not exist`);
}

/** The prefix, the error log before the configuration is read, and the configuration: every nginx call names all three. */
export const nginxArgs = (s: ProxySettings) => ['-p', s.dir, '-e', s.errorLog, '-c', s.configFile];

/**
 * Writes the configuration (and the local certificate, made once) into the proxy's folder and has nginx
 * check it, so a broken one is reported before anything is stopped or reloaded.
 */
export async function writeProxyConfig(s: ProxySettings, { daemon = true }: { daemon?: boolean } = {}) {
  await mkdir(path.join(s.dir, 'tmp'), { recursive: true });
  if (s.certificate.local) await ensureLocalCertificate(s.certificate, s.dir);
  await writeFile(s.configFile, renderNginxConfig(s, { daemon }));
  const check = await run(NGINX, ['-t', '-q', ...nginxArgs(s)]);
  if (check.code !== 0) throw new ProxyStartError(`nginx refused ${s.configFile}:\n${check.output.slice(-1500)}`);
}

/** The master's pid if the pid file names a live nginx (pids are reused after a reboot). */
export function runningProxyPid(s: ProxySettings): number | undefined {
  if (!existsSync(s.pidFile)) return undefined;
  const pid = Number(readFileSync(s.pidFile, 'utf8').trim());
  try {
    if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('nginx')) return pid;
  } catch {
    // gone
  }
  return undefined;
}

function listening(host: string, port: number) {
  return new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: host === '0.0.0.0' ? '127.0.0.1' : host, port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/**
 * `npm start`'s proxy: started in the background (like Redis, it outlives Ctrl-C), or, when one of ours is
 * running, given the new configuration without dropping a connection (`nginx -s reload`).
 */
export async function startProxy(s: ProxySettings, log: Log) {
  await ensureNginx(log);
  await writeProxyConfig(s);
  const pid = runningProxyPid(s);
  const r = await run(NGINX, [...(pid ? ['-s', 'reload'] : []), ...nginxArgs(s)]);
  if (r.code !== 0) throw new ProxyStartError(`nginx did not ${pid ? 'reload' : 'start'}:\n${r.output.slice(-1500)}`);
  for (let i = 0; i < 40 && !(await listening(s.host, s.port)); i++) await sleep(250);
  if (!(await listening(s.host, s.port)))
    throw new ProxyStartError(`nginx does not answer on ${s.host}:${s.port}; see ${s.errorLog}`);
  log(`proxy ${pid ? 'reloaded' : 'started'}: ${s.origin}/ (nginx, ${s.configFile})`);
}

/** Stops our nginx (graceful: open requests finish); one that this project did not start is left alone. */
export async function stopProxy(s: ProxySettings, log: Log) {
  const pid = runningProxyPid(s);
  if (!pid) return log(`proxy is not running (no live pid in ${s.pidFile})`);
  await run(NGINX, ['-s', 'quit', ...nginxArgs(s)]);
  for (let i = 0; i < 40 && runningProxyPid(s); i++) await sleep(250);
  if (runningProxyPid(s)) process.kill(pid, 'SIGKILL');
  rmSync(s.pidFile, { force: true });
  log(`proxy stopped (pid ${pid})`);
}
