import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureDistribution } from './distribution.js';
import { findJavaHome } from './jdk.js';
import type { CamundaSettings } from './settings.js';

export class CamundaStartError extends Error {
  static readonly code = 'CAMUNDA_START';
  readonly code = CamundaStartError.code;
  override name = CamundaStartError.name;
}

export async function isReady(s: CamundaSettings): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${s.managementPort}/actuator/health/readiness`, { signal: AbortSignal.timeout(2000) });
    return res.ok && ((await res.json()) as { status?: string }).status === 'UP';
  } catch {
    return false;
  }
}

function runningPid(s: CamundaSettings): number | undefined {
  if (!existsSync(s.pidFile)) return undefined;
  const pid = Number(readFileSync(s.pidFile, 'utf8'));
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    rmSync(s.pidFile, { force: true });
    return undefined;
  }
}

/**
 * Settings the broker reads from its environment (Spring relaxed binding), all local-development values
 * (see `camundaSettings`); the rest of this process's environment passes through.
 */
function brokerEnv(s: CamundaSettings, javaHome: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    JAVA_HOME: javaHome,
    JAVA_OPTS: `-Xms512m -Xmx${s.heap} -XX:+UseG1GC ${s.javaOpts}`.trim(),
    ZEEBE_BROKER_DATA_DIRECTORY: s.dataDir,
    ZEEBE_BROKER_DATA_DISK_FREESPACE_PROCESSING: s.diskFreeProcessing,
    ZEEBE_BROKER_DATA_DISK_FREESPACE_REPLICATION: s.diskFreeReplication,
    ZEEBE_BROKER_NETWORK_HOST: s.brokerHost,
    ZEEBE_BROKER_GATEWAY_NETWORK_HOST: s.gatewayHost,
    ZEEBE_BROKER_GATEWAY_NETWORK_PORT: String(s.grpcPort),
    ZEEBE_BROKER_NETWORK_COMMANDAPI_PORT: String(s.commandPort),
    ZEEBE_BROKER_NETWORK_INTERNALAPI_PORT: String(s.internalPort),
    ZEEBE_BROKER_GATEWAY_SECURITY_AUTHENTICATION_MODE: 'none',
    ZEEBE_BROKER_BACKPRESSURE_ENABLED: s.backpressureEnabled,
    ZEEBE_BROKER_THREADS_CPUTHREADCOUNT: '2',
    ZEEBE_BROKER_THREADS_IOTHREADCOUNT: '2',
    SERVER_ADDRESS: s.restHost,
    SERVER_PORT: String(s.restPort),
    MANAGEMENT_SERVER_PORT: String(s.managementPort),
    CAMUNDA_REST_ENABLED: 'true',
  };
}

/** Starts the broker in the background unless one already answers; waits until it is ready. */
export async function startCamunda(s: CamundaSettings, log: (m: string) => void, timeoutMs = 240_000) {
  if (await isReady(s)) {
    log(`Camunda already running (management port ${s.managementPort})`);
    return { started: false };
  }
  if (!runningPid(s)) {
    const javaHome = findJavaHome();
    const home = await ensureDistribution(s, log);
    mkdirSync(path.dirname(s.logFile), { recursive: true });
    mkdirSync(s.dataDir, { recursive: true });
    const out = openSync(s.logFile, 'a');
    const child = spawn(path.join(home, 'bin', 'broker'), [], {
      cwd: home, env: brokerEnv(s, javaHome), detached: true, stdio: ['ignore', out, out],
    });
    child.unref();
    writeFileSync(s.pidFile, String(child.pid));
    log(`Camunda ${s.version} starting (pid ${child.pid}, Java ${javaHome}, log ${s.logFile})`);
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await isReady(s)) return { started: true };
    if (!runningPid(s)) throw new CamundaStartError(`Camunda exited during start; see ${s.logFile}`);
    await sleep(1000);
  }
  throw new CamundaStartError(`Camunda not ready after ${timeoutMs / 1000}s; see ${s.logFile}`);
}

export async function stopCamunda(s: CamundaSettings, log: (m: string) => void, timeoutMs = 60_000) {
  const pid = runningPid(s);
  if (!pid) {
    log('Camunda is not running (no pid file)');
    return;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (runningPid(s) && Date.now() < deadline) await sleep(500);
  if (runningPid(s)) process.kill(pid, 'SIGKILL');
  rmSync(s.pidFile, { force: true });
  log(`Camunda stopped (pid ${pid})`);
}

export async function camundaStatus(s: CamundaSettings) {
  return { pid: runningPid(s), ready: await isReady(s), version: s.version, home: s.home };
}
