import { existsSync, readdirSync } from 'node:fs';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { run } from './run.js';

export class ServiceUnavailableError extends Error {
  static readonly code = 'SERVICE_UNAVAILABLE';
  readonly code = ServiceUnavailableError.code;
  override name = ServiceUnavailableError.name;
}

function reachable(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function waitFor(host: string, port: number, seconds: number) {
  for (let i = 0; i < seconds * 2; i++) {
    if (await reachable(host, port)) return true;
    await sleep(500);
  }
  return false;
}

const isLocal = (host: string) => ['127.0.0.1', 'localhost', '::1'].includes(host);
const isRoot = () => process.getuid?.() === 0;

/**
 * Installs a Debian package as root. `extraArgs` go to `apt-get install` (say, `--no-install-recommends`);
 * `fail` makes the error the caller's own, so each tool keeps its error code.
 */
export async function aptInstall(
  pkg: string,
  log: (m: string) => void,
  opts: { extraArgs?: string[]; fail?: (message: string) => Error } = {},
) {
  const fail = opts.fail ?? ((message: string) => new ServiceUnavailableError(message));
  if (!isRoot())
    throw fail(`${pkg} is not installed; install it (apt-get install ${pkg}) or point the URL at a running one`);
  log(`installing ${pkg} from Debian packages`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = await run('apt-get', ['update', '-q'], { env });
  if (update.code !== 0) throw fail(`apt-get update failed:\n${update.output.slice(-1500)}`);
  const r = await run('apt-get', ['install', '-y', '-q', ...(opts.extraArgs ?? []), pkg], { env });
  if (r.code !== 0) throw fail(`apt-get install ${pkg} failed:\n${r.output.slice(-1500)}`);
}

/**
 * Uses the PostgreSQL on the URL; a local one that is stopped is started, a missing one installed.
 * The URL's database is created if missing, unless `createDatabase: false` (the caller makes it itself).
 * Called for the project's database and for the engine's: the engine creates its tables, not its database.
 */
export async function ensurePostgres(databaseUrl: string, log: (m: string) => void, { createDatabase = true } = {}) {
  const url = new URL(databaseUrl);
  const host = url.hostname;
  const port = Number(url.port || 5432);
  if (!(await reachable(host, port))) {
    if (!isLocal(host)) throw new ServiceUnavailableError(`PostgreSQL at ${host}:${port} does not answer`);
    if (!existsSync('/usr/bin/pg_ctlcluster')) await aptInstall('postgresql', log);
    for (const version of existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql') : []) {
      log(`starting PostgreSQL ${version}`);
      await run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start']);
    }
    if (!(await waitFor(host, port, 30)))
      throw new ServiceUnavailableError(`PostgreSQL did not start on ${host}:${port}`);
  }
  if (createDatabase) await ensureDatabase(url, log);
}

const databaseName = (url: URL) => decodeURIComponent(url.pathname.slice(1));
const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Runs `fn` with a client on the server's `postgres` database, for statements about other databases. */
async function withAdminClient<T>(url: URL, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function ensureDatabase(url: URL, log: (m: string) => void) {
  const name = databaseName(url);
  await withAdminClient(url, async (client) => {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      log(`creating database ${name}`);
      await client.query(`create database ${quoteIdent(name)}`);
    }
  });
}

/**
 * Drops and recreates a test database, so every test run starts from the same empty state
 * (the project's payam_test, and the test engine's operaton_test, so no instance outlives its rows).
 * Refuses any database whose name does not end in `_test` or `_test_<suffix>`.
 */
export async function recreateTestDatabase(databaseUrl: string, log: (m: string) => void) {
  const url = new URL(databaseUrl);
  const name = databaseName(url);
  if (!/_test(_[a-z0-9]+)?$/.test(name))
    throw new ServiceUnavailableError(`refusing to recreate ${name}: not a test database`);
  await withAdminClient(url, async (client) => {
    await client.query(`drop database if exists ${quoteIdent(name)} with (force)`);
    await client.query(`create database ${quoteIdent(name)}`);
    log(`recreated test database ${name}`);
  });
}

/** Drops a test database (a test's scratch one), with the same refusal of anything not named as a test database. */
export async function dropTestDatabase(databaseUrl: string) {
  const url = new URL(databaseUrl);
  const name = databaseName(url);
  if (!/_test(_[a-z0-9]+)?$/.test(name))
    throw new ServiceUnavailableError(`refusing to drop ${name}: not a test database`);
  await withAdminClient(url, (client) => client.query(`drop database if exists ${quoteIdent(name)} with (force)`));
}

/** Uses the Redis on the URL; a local one that is stopped is started, a missing one installed. */
export async function ensureRedis(redisUrl: string, log: (m: string) => void) {
  const url = new URL(redisUrl);
  const host = url.hostname;
  const port = Number(url.port || 6379);
  if (await reachable(host, port)) return;
  if (!isLocal(host)) throw new ServiceUnavailableError(`Redis at ${host}:${port} does not answer`);
  if (!existsSync('/usr/bin/redis-server')) await aptInstall('redis-server', log);
  log('starting Redis');
  await run('redis-server', [
    '--daemonize',
    'yes',
    '--bind',
    '127.0.0.1',
    '--port',
    String(port),
    '--save',
    '',
    '--appendonly',
    'no',
  ]);
  if (!(await waitFor(host, port, 15))) throw new ServiceUnavailableError(`Redis did not start on ${host}:${port}`);
}
