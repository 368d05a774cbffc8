import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startEngine, stopEngine } from '../engine/process.js';
import { engineSettings } from '../engine/settings.js';
import { projectRoot } from '../../config/paths.js';
import { answers, until } from './private-services.js';

/** A Node service of the project (API, workers) as its own process, so it can be SIGKILLed; `nodeArgs` go before the script (a profiler's, say). */
export function nodeService(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  logDir: string,
  port?: number,
  nodeArgs: string[] = [],
) {
  let child: ChildProcess | undefined;
  return {
    name,
    get pid() {
      return child?.pid;
    },
    async start() {
      const out = openSync(path.join(logDir, `${name}.log`), 'a');
      child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], {
        cwd: projectRoot,
        env,
        stdio: ['ignore', out, out],
      });
      if (port) await until(() => answers(port), name, 60_000);
      else {
        // No port to ask: a process that dies at start (a port of its own taken, say) must not pass for one that runs.
        await sleep(5_000);
        if (child.exitCode !== null || child.signalCode !== null)
          throw new Error(`${name} exited at start (${child.exitCode ?? child.signalCode}); see ${logDir}/${name}.log`);
      }
    },
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return;
      const gone = new Promise((resolve) => c.once('exit', resolve));
      c.kill(signal);
      await Promise.race([gone, sleep(15_000).then(() => c.kill('SIGKILL'))]);
    },
  };
}

/** One engine node of the cluster: its own port, log and pid under `dir`, the cluster's database. */
export function engineNode(name: string, port: number, databaseUrl: string, dir: string) {
  const settings = engineSettings({
    ...process.env,
    ENGINE_PORT: String(port),
    ENGINE_INSTANCE_DIR: dir,
    ENGINE_DATABASE_URL: databaseUrl,
    ENGINE_HEAP: process.env.ENGINE_HEAP ?? '512m',
  });
  const log = (m: string) => console.log(`[chaos] engine ${name}: ${m}`);
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(Number(readFileSync(settings.pidFile, 'utf8')), sig);
    } catch {
      // already gone
    }
  };
  return {
    name,
    url: `http://127.0.0.1:${port}/engine-rest`,
    start: () => startEngine(settings, log, 240_000),
    stop: () => stopEngine(settings, log, 20_000),
    /** SIGKILL: no shutdown, no unlock; what a crash or an OOM kill does. */
    kill: () => signal('SIGKILL'),
    /** SIGSTOP and SIGCONT: a node frozen (a long GC pause, a stalled VM) takes no jobs meanwhile. */
    pause: () => signal('SIGSTOP'),
    resume: () => signal('SIGCONT'),
  };
}

export type NodeService = ReturnType<typeof nodeService>;
