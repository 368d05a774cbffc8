import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * PostgreSQL and Redis of the chaos run's own, on free loopback ports, so that killing and restarting
 * them never touches a developer's services (or other people's tests on the same machine).
 */
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(200);
  }
  throw new Error(`${what}: not ready after ${timeoutMs / 1000} s`);
}

const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });

/** PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` user. */
function asPostgres(cmd: string, args: string[]) {
  return process.getuid?.() === 0 ? { cmd: 'runuser', args: ['-u', 'postgres', '--', cmd, ...args] } : { cmd, args };
}

function run(cmd: string, args: string[]) {
  const c = asPostgres(cmd, args);
  const r = spawnSync(c.cmd, c.args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} failed: ${r.stderr || r.stdout}`);
  return r.stdout;
}

/**
 * A throw-away cluster in `dir` (initdb, trust on loopback). No fsync: it holds test data only, and the drills kill
 * processes, never the machine, so what reached the kernel survives. But synchronous commits, as in production:
 * without them a SIGKILLed PostgreSQL forgets commits it had acknowledged (a letter the applicant was told was
 * received), which no production server does.
 */
export async function startPrivatePostgres(dir: string) {
  const port = await freePort();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (process.getuid?.() === 0) {
    const pw = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    chownSync(dir, Number(pw.stdout.trim()), Number(gid.stdout.trim()));
  }
  let data = path.join(dir, 'data');
  run(`${PG_BIN}/initdb`, ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=150 -c fsync=off -c full_page_writes=off`;
  const ctl = (...args: string[]) =>
    run(`${PG_BIN}/pg_ctl`, ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', ...args]);
  ctl('-o', options, 'start');
  const url = (db: string) => `postgres://postgres@127.0.0.1:${port}/${db}`;
  const killAll = () => {
    const postmaster = Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const children = spawnSync('pgrep', ['-P', String(postmaster)], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter(Boolean)
      .map(Number);
    for (const pid of [postmaster, ...children]) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone already
      }
    }
  };
  return {
    port,
    url,
    createDatabase: (name: string) =>
      run(`${PG_BIN}/psql`, ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-c', `create database ${name}`]),
    /** Stops (fast: open connections are cut) and, after `downMs`, starts again with the same data. */
    async restart(downMs: number) {
      ctl('-m', 'fast', 'stop');
      await sleep(downMs);
      ctl('-o', options, 'start');
    },
    /**
     * SIGKILL to the postmaster and every backend at once (what the OOM killer or a container kill does):
     * no checkpoint, no goodbye to the clients; the start after `downMs` runs crash recovery from the WAL.
     */
    async kill(downMs: number) {
      killAll();
      await sleep(downMs);
      ctl('-o', options, 'start');
    },
    stop() {
      if (existsSync(path.join(data, 'postmaster.pid'))) ctl('-m', 'immediate', 'stop');
    },
    /** Every process SIGKILLed and the data directory deleted: the cluster is lost, as with its disk. */
    destroy() {
      killAll();
      rmSync(data, { recursive: true, force: true });
    },
    /** A cluster restored on this port (npm run restore) is this one from now on, for the restarts above. */
    adopt(dataDir: string) {
      data = dataDir;
    },
  };
}

/** A redis-server without persistence: a restart comes back empty, as on these machines. */
export async function startPrivateRedis() {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--daemonize',
        'no',
        '--loglevel',
        'warning',
      ],
      { stdio: 'ignore' },
    );
    await until(() => answers(port), 'redis');
  };
  const kill = async () => {
    const c = child;
    if (!c || c.exitCode !== null) return;
    const gone = new Promise((resolve) => c.once('exit', resolve));
    c.kill('SIGKILL');
    await gone;
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    /** Killed (its data gone with it) and, after `downMs`, started again empty. */
    async restart(downMs: number) {
      await kill();
      await sleep(downMs);
      await start();
    },
    stop: kill,
  };
}

export { answers, until };
