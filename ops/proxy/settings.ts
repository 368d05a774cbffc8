import { isIP } from 'node:net';
import path from 'node:path';
import { projectRoot } from '../../config/paths.js';

class ProxySettingsError extends Error {
  static readonly code = 'PROXY_SETTINGS';
  readonly code = ProxySettingsError.code;
  override name = ProxySettingsError.name;
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number) {
  const raw = env[name] ?? String(fallback);
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > 65535)
    throw new ProxySettingsError(`${name}: ${raw} is not a port (1–65535)`);
  return value;
}

function address(env: NodeJS.ProcessEnv, name: string, fallback: string) {
  const value = env[name] || fallback;
  if (!isIP(value)) throw new ProxySettingsError(`${name}: ${value} is not an IP address`);
  return value;
}

/** An upstream's address: an IP, or a host name (a Compose service's, resolved by nginx at start). */
function upstreamHost(env: NodeJS.ProcessEnv, name: string) {
  const value = env[name] || '127.0.0.1';
  if (!isIP(value) && !/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(value))
    throw new ProxySettingsError(`${name}: ${value} is neither an IP address nor a host name`);
  return value;
}

/**
 * The reverse proxy in front of everything (nginx, ops/proxy/nginx.ts), as `npm start`, `npm run proxy` and
 * the tests see it. Its own folder holds the generated configuration, the local certificate, pid, logs and
 * nginx's temporary files; a test gives each proxy a folder and ports of its own.
 */
export function proxySettings(env: NodeJS.ProcessEnv = process.env) {
  const dir = path.resolve(projectRoot, env.PROXY_DIR ?? '.cache/proxy');
  const certFile = env.PROXY_CERT_FILE;
  const keyFile = env.PROXY_KEY_FILE;
  if (Boolean(certFile) !== Boolean(keyFile))
    throw new ProxySettingsError('PROXY_CERT_FILE and PROXY_KEY_FILE: set both (a real certificate) or neither');
  const host = address(env, 'PROXY_HOST', '127.0.0.1');
  const listenPort = port(env, 'PROXY_PORT', 8443);
  return {
    host,
    port: listenPort,
    /**
     * The address the proxy connects to the API and the engine from: a loopback address of its own
     * (Linux answers on all of 127.0.0.0/8), so the API can believe X-Forwarded-For from it alone
     * (API_TRUST_PROXY) while a request made straight to the API's port from 127.0.0.1 is keyed on its peer.
     */
    // `none` in a container: its own (fixed) address on the Compose network is the one the API trusts.
    sourceAddress: env.PROXY_SOURCE_ADDRESS === 'none' ? null : address(env, 'PROXY_SOURCE_ADDRESS', '127.0.0.2'),
    api: { host: upstreamHost(env, 'API_UPSTREAM_HOST'), port: port(env, 'API_PORT', 3000) },
    engine: { host: upstreamHost(env, 'ENGINE_UPSTREAM_HOST'), port: port(env, 'ENGINE_PORT', 8080) },
    dir,
    /** A real certificate (production), or the local one made once into `dir`. */
    certificate: certFile && keyFile ? { certFile, keyFile, local: false } : localCertificate(dir),
    configFile: path.join(dir, 'nginx.conf'),
    pidFile: path.join(dir, 'nginx.pid'),
    errorLog: path.join(dir, 'error.log'),
    accessLog: path.join(dir, 'access.log'),
    /** The address people open; `localhost` for the local certificate's name. */
    origin: `https://${host === '127.0.0.1' || host === '0.0.0.0' ? 'localhost' : host}:${listenPort}`,
  };
}

const localCertificate = (dir: string) => ({
  certFile: path.join(dir, 'localhost.crt.pem'),
  keyFile: path.join(dir, 'localhost.key.pem'),
  local: true,
});

export type ProxySettings = ReturnType<typeof proxySettings>;
