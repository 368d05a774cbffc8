import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../config/config.js';
import { DEVELOPMENT_ONLY } from '../../config/development-defaults.js';
import { projectRoot } from '../../config/paths.js';
import { engineSettings } from '../../ops/engine/settings.js';
import { NODE_SERVICES } from '../../ops/node-services.js';
import { proxySettings } from '../../ops/proxy/settings.js';

type Env = Record<string, string>;
interface Service {
  command?: string[];
  environment?: Env;
  ports?: string[];
  profiles?: string[];
  networks?: { default?: { ipv4_address?: string } };
}

const read = (file: string) => readFileSync(path.join(projectRoot, file), 'utf8');
const COMPOSE_TEXT = read('docker-compose.yml');
// Merge keys (`<<: *app-env`) as Compose reads them.
const compose = parse(COMPOSE_TEXT, { merge: true }) as { services: Record<string, Service> };
const services = compose.services;
const DEV_ENV: Env = Object.fromEntries(
  read('ops/docker/development.env')
    .split('\n')
    .filter((l) => /^[A-Z_]+=/.test(l))
    .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
);
/** Secrets and outside systems' addresses (the mail server's too): from the environment, never a default in the file. */
const REQUIRED = [...DEVELOPMENT_ONLY, 'POSTGRES_PASSWORD', 'SMTP_HOST'];

/** Compose's interpolation of `${NAME}`, `${NAME:-default}` and `${NAME:?message}`, with the names it refused. */
function interpolate(value: string, env: Env, missing: Set<string>) {
  return value.replace(/\$\{([A-Z0-9_]+)(?:(:-|:\?)([^}]*))?\}/g, (_m, name: string, op?: string, arg?: string) => {
    const given = env[name];
    if (given !== undefined && given !== '') return given;
    if (op === ':?') missing.add(name);
    return op === ':-' ? (arg ?? '') : '';
  });
}

function environmentOf(name: string, env: Env) {
  const missing = new Set<string>();
  const raw = services[name]?.environment ?? {};
  const resolved = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, interpolate(String(v), env, missing)]));
  return { env: resolved, missing: [...missing].sort() };
}

/** The host side of each published port, with its address. */
const published = (name: string) =>
  (services[name]?.ports ?? []).map((p) => {
    const parts = p.split(':');
    return { address: parts.length === 3 ? parts[0] : '0.0.0.0', port: Number(parts.at(-2)) };
  });

const portOf = (url: string) => Number(new URL(url).port);

describe('docker-compose.yml, against the native set-up', () => {
  const native = loadConfig({ PAYAM_DEV_DEFAULTS: '1' });

  it('runs the same services: npm start’s Node scripts under the same names, PostgreSQL, Redis, the engine, the set-up and the proxy', () => {
    for (const { name, script } of NODE_SERVICES) {
      expect(services[name]?.command, name).toEqual(['node', '--import', 'tsx', script]);
    }
    expect(Object.keys(services).sort()).toEqual(
      [...NODE_SERVICES.map((s) => s.name), 'postgres', 'redis', 'engine', 'setup', 'proxy'].sort(),
    );
    // The simulators and the mail catcher stand in for outside systems: development only.
    for (const sim of ['pgsb-sim', 'sms-sim', 'ca-sim', 'mail-catcher'])
      expect(services[sim]?.profiles, sim).toEqual(['development']);
  });

  it('publishes the native ports, on loopback only, except the proxy’s one origin', () => {
    const expected: Record<string, number> = {
      proxy: proxySettings({}).port,
      api: native.API_PORT,
      engine: engineSettings({}).port,
      postgres: portOf(native.DATABASE_URL),
      redis: portOf(native.REDIS_URL),
      'pgsb-sim': portOf(native.PGSB_BASE_URL),
      'sms-sim': portOf(native.SMS_BASE_URL),
      'ca-sim': portOf(native.CA_RA_URL),
      // The mail catcher's web page (simulators/mail-catcher/main.ts); its SMTP port stays on the Compose network.
      'mail-catcher': 8025,
    };
    for (const [name, port] of Object.entries(expected)) {
      expect(published(name), name).toEqual([{ address: name === 'proxy' ? '0.0.0.0' : '127.0.0.1', port }]);
    }
    for (const name of ['workers', 'setup']) expect(published(name), name).toEqual([]);
  });

  it('names only variables the services read, with the API trusting the proxy’s own fixed address', () => {
    const schemaKeys = new Set(Object.keys(native));
    for (const name of ['api', 'workers', 'setup']) {
      const unknown = Object.keys(services[name]?.environment ?? {}).filter((k) => !schemaKeys.has(k));
      expect(unknown, name).toEqual([]);
    }
    // The engine: what application.yaml and the access settings read, and the JVM's options.
    const engineReads = new Set([
      ...[...read('engine/src/main/resources/application.yaml').matchAll(/\$\{([A-Z_]+)/g)].map((m) => m[1]),
      ...['ENGINE_USER', 'ENGINE_PASSWORD', 'ENGINE_ADMIN_USER', 'ENGINE_ADMIN_PASSWORD', 'PAYAM_DEV_DEFAULTS'],
      ...['NODE_ENV', 'JAVA_OPTS'],
    ]);
    expect(Object.keys(services.engine?.environment ?? {}).filter((k) => !engineReads.has(k))).toEqual([]);

    const { env: apiEnv } = environmentOf('api', DEV_ENV);
    expect(apiEnv.API_TRUST_PROXY).toBe(services.proxy?.networks?.default?.ipv4_address);
    // The proxy in front of the api and engine services, on the native port, as ops/proxy reads its settings.
    const proxy = proxySettings(environmentOf('proxy', DEV_ENV).env);
    expect(proxy).toMatchObject({
      host: '0.0.0.0',
      port: 8443,
      sourceAddress: null,
      api: { host: 'api', port: native.API_PORT },
      engine: { host: 'engine', port: 8080 },
    });
    expect(proxy.certificate.local).toBe(true);
  });

  it('defaults no secret: each is required from the environment, and a production start without them names every one', () => {
    for (const name of REQUIRED) {
      const uses = [...COMPOSE_TEXT.matchAll(new RegExp(`\\$\\{${name}([^}]*)\\}`, 'g'))].map((m) => m[1]);
      expect(uses.length, name).toBeGreaterThan(0);
      for (const use of uses) expect(use, name).toMatch(/^:\?/);
    }
    const { missing } = environmentOf('api', {});
    expect(missing).toEqual([...REQUIRED].sort());
    expect(environmentOf('api', {}).env.PAYAM_DEV_DEFAULTS).toBe('');
    expect(environmentOf('api', {}).env.NODE_ENV).toBe('production');
  });

  it('starts in production with the operator’s secrets and addresses, and refuses development values there', () => {
    const production: Env = {
      POSTGRES_PASSWORD: 'pg-9f3c1e7a2b',
      ENGINE_PASSWORD: 'engine-5d8e2f1a9c',
      ENGINE_ADMIN_PASSWORD: 'admin-7c4b9e2d1f',
      ENGINE_HISTORY_DATABASE_URL: 'postgres://payam_history_reader:reader-2b8e4f1c7a@postgres:5432/operaton',
      SECRET_PEPPER: 'pepper-3a9f7c2e8b1d',
      TOKEN_SECRET: 'tokens-6e1d8a3f9c2b',
      PGSB_BASE_URL: 'https://pgsb.gov.ir',
      PGSB_TOKEN: 'pgsb-token-real',
      SMS_BASE_URL: 'https://sms.example.ir',
      SMS_API_KEY: 'sms-key-real',
      CA_RA_URL: 'https://ra.gica.ir',
      CA_RA_TOKEN: 'ra-token-real',
      CA_RA_CERTIFICATE_FILE: '/etc/payam/ra-office/certificate.pem',
      CA_RA_KEY_FILE: '/etc/payam/ra-office/key.pem',
      CERT_TRUST_ROOT_FILES: '/etc/payam/trust/root.pem',
      CERT_TRUST_INTERMEDIATE_FILES: '/etc/payam/trust/intermediate.pem',
      SMTP_HOST: 'smtp.iran.ir',
      ALERT_EMAIL_TO: 'it-operations@payam.iran.ir',
    };
    const { env, missing } = environmentOf('api', production);
    expect(missing).toEqual([]);
    expect(loadConfig(env)).toMatchObject({ NODE_ENV: 'production', PAYAM_DEV_DEFAULTS: false });
    // The development file's values, without its PAYAM_DEV_DEFAULTS=1, are refused by the services themselves.
    const leaked = environmentOf('api', { ...DEV_ENV, PAYAM_DEV_DEFAULTS: '', NODE_ENV: 'production' }).env;
    expect(() => loadConfig(leaked)).toThrow(/SECRET_PEPPER: the development default is refused/);
  });

  it('runs in development from ops/docker/development.env with the native development values', () => {
    const { env, missing } = environmentOf('api', DEV_ENV);
    expect(missing).toEqual([]);
    const config = loadConfig(env);
    for (const name of [
      'SECRET_PEPPER',
      'TOKEN_SECRET',
      'ENGINE_PASSWORD',
      'ENGINE_ADMIN_PASSWORD',
      'PGSB_TOKEN',
    ] as const)
      expect(config[name], name).toBe(native[name]);
    expect(config.SMS_API_KEY).toBe(native.SMS_API_KEY);
    expect(config.CA_RA_TOKEN).toBe(native.CA_RA_TOKEN);
    // The simulators at their native ports, by their service names.
    expect(portOf(config.PGSB_BASE_URL)).toBe(portOf(native.PGSB_BASE_URL));
    expect(portOf(config.SMS_BASE_URL)).toBe(portOf(native.SMS_BASE_URL));
    expect(portOf(config.CA_RA_URL)).toBe(portOf(native.CA_RA_URL));
    expect(config.SMTP_PORT).toBe(native.SMTP_PORT);
    expect(environmentOf('engine', DEV_ENV).missing).toEqual([]);
    expect(environmentOf('postgres', DEV_ENV).env.POSTGRES_PASSWORD).toBe(new URL(config.DATABASE_URL).password);
  });
});
