import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureEngineJar, sourceHash } from './build.js';
import { findJavaHome } from './jdk.js';
import type { EngineSettings } from './settings.js';

export class EngineStartError extends Error {
  static readonly code = 'ENGINE_START';
  readonly code = EngineStartError.code;
  override name = EngineStartError.name;
}

// A wildcard bind address is not one to connect to.
const probeHost = (s: EngineSettings) => (['0.0.0.0', '::'].includes(s.host) ? '127.0.0.1' : s.host);
export const restUrl = (s: EngineSettings) => `http://${probeHost(s)}:${s.port}/engine-rest`;

/** Ready means started, schema updated and users provisioned: Spring's readiness probe, which needs no login. */
export async function isReady(s: EngineSettings): Promise<boolean> {
  try {
    const res = await fetch(`http://${probeHost(s)}:${s.port}/actuator/health/readiness`, {
      signal: AbortSignal.timeout(2000),
    });
    return res.ok && ((await res.json()) as { status?: string }).status === 'UP';
  } catch {
    return false;
  }
}

/** The pid in the pid file if that process is alive and still our jar (pids are reused after a reboot). */
function runningPid(s: EngineSettings): number | undefined {
  if (!existsSync(s.pidFile)) return undefined;
  const pid = Number(readFileSync(s.pidFile, 'utf8'));
  try {
    process.kill(pid, 0);
    if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(s.jar)) return pid;
  } catch {
    // gone, or /proc unreadable: treat as gone
  }
  rmSync(s.pidFile, { force: true });
  return undefined;
}

const logTail = (s: EngineSettings, lines = 40) =>
  existsSync(s.logFile) ? readFileSync(s.logFile, 'utf8').split('\n').slice(-lines).join('\n') : '(no log)';

/** What application.yaml reads; the rest of this environment (ENGINE_USER, ENGINE_PASSWORD, ENGINE_ADMIN_*, PAYAM_DEV_DEFAULTS, NODE_ENV) passes through. */
function engineEnv(s: EngineSettings, javaHome: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    JAVA_HOME: javaHome,
    ENGINE_HOST: s.host,
    ENGINE_PORT: String(s.port),
    ENGINE_DATABASE_JDBC_URL: s.database.jdbcUrl,
    ENGINE_DATABASE_USER: s.database.user,
    ENGINE_DATABASE_PASSWORD: s.database.password,
  };
}

/**
 * Starts the engine in the background unless one already answers on the port, building the jar first
 * if engine/ changed; waits until it is ready. `started` says whether this call started it.
 */
export async function startEngine(s: EngineSettings, log: (m: string) => void, timeoutMs = 180_000) {
  if (await isReady(s)) {
    log(`engine already running on port ${s.port}`);
    return { started: false };
  }
  let exited: string | undefined;
  if (!runningPid(s)) {
    const javaHome = findJavaHome();
    const jar = await ensureEngineJar(s, log);
    mkdirSync(s.instanceDir, { recursive: true });
    // A fresh log per start, so the tail printed on failure is this start's.
    const out = openSync(s.logFile, 'w');
    const child = spawn(`${javaHome}/bin/java`, [`-Xmx${s.heap}`, '-jar', jar], {
      cwd: s.instanceDir,
      env: engineEnv(s, javaHome),
      detached: true,
      stdio: ['ignore', out, out],
    });
    child.on('exit', (code, signal) => (exited = `exit ${signal ?? code}`));
    child.unref();
    writeFileSync(s.pidFile, String(child.pid));
    log(
      `engine starting (pid ${child.pid}, port ${s.port}, ${s.database.jdbcUrl}, Java ${javaHome}, log ${s.logFile})`,
    );
  } else {
    log(`engine process found (pid file ${s.pidFile}); waiting for it to be ready`);
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await isReady(s)) return { started: true };
    if (exited || !runningPid(s)) {
      throw new EngineStartError(
        `engine exited during start (${exited ?? 'gone'}); last lines of ${s.logFile}:\n${logTail(s)}`,
      );
    }
    await sleep(500);
  }
  throw new EngineStartError(`engine not ready after ${timeoutMs / 1000} s; see ${s.logFile}:\n${logTail(s, 20)}`);
}

/** SIGTERM (Spring shuts down gracefully), SIGKILL if it is still there after the grace period. */
export async function stopEngine(s: EngineSettings, log: (m: string) => void, graceMs = 60_000) {
  const pid = runningPid(s);
  if (!pid) {
    const other = (await isReady(s))
      ? `; something else answers on port ${s.port}, not started by this project, left alone`
      : '';
    log(`engine is not running (no live pid in ${s.pidFile})${other}`);
    return { stopped: false };
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (runningPid(s) && Date.now() < deadline) await sleep(250);
  if (runningPid(s)) {
    log(`engine did not stop within ${graceMs / 1000} s; killing it`);
    process.kill(pid, 'SIGKILL');
    while (runningPid(s)) await sleep(100);
  }
  rmSync(s.pidFile, { force: true });
  log(`engine stopped (pid ${pid})`);
  return { stopped: true };
}

export async function engineStatus(s: EngineSettings) {
  const built = existsSync(s.jarHash) && existsSync(s.jar) ? readFileSync(s.jarHash, 'utf8').trim() : undefined;
  return {
    pid: runningPid(s) ?? null,
    ready: await isReady(s),
    url: restUrl(s),
    database: s.database.jdbcUrl,
    log: s.logFile,
    jar: built
      ? built === sourceHash(s)
        ? 'up to date'
        : 'stale (engine/ changed; rebuilt at next start)'
      : 'not built',
  };
}
