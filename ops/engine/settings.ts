import path from 'node:path';
import { projectRoot } from '../../config/paths.js';

export class EngineSettingsError extends Error {
  static readonly code = 'ENGINE_SETTINGS';
  readonly code = EngineSettingsError.code;
  override name = EngineSettingsError.name;
}

/**
 * The project speaks postgres:// URLs (as DATABASE_URL does); the JVM wants a JDBC URL with the
 * credentials apart, since JDBC URLs do not carry a user in the authority.
 */
export function jdbcOf(databaseUrl: string) {
  const url = new URL(databaseUrl);
  if (!/^postgres(ql)?:$/.test(url.protocol))
    throw new EngineSettingsError(`ENGINE_DATABASE_URL must be a postgres:// URL, got ${url.protocol}`);
  return {
    jdbcUrl: `jdbc:postgresql://${url.host}${url.pathname}${url.search}`,
    user: decodeURIComponent(url.username) || 'postgres',
    password: decodeURIComponent(url.password),
  };
}

/** The local engine (engine/, run as a jar) as npm start, the tests and `npm run engine` see it. */
export function engineSettings(env: NodeJS.ProcessEnv = process.env) {
  const cacheDir = path.resolve(projectRoot, env.ENGINE_CACHE_DIR ?? '.cache/engine');
  // Log and pid of one engine; a second engine (the tests' on 8091) needs its own, the jar is shared.
  const instanceDir = path.resolve(projectRoot, env.ENGINE_INSTANCE_DIR ?? cacheDir);
  const databaseUrl = env.ENGINE_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/operaton';
  return {
    host: env.ENGINE_HOST ?? '127.0.0.1',
    port: Number(env.ENGINE_PORT ?? 8080),
    databaseUrl,
    database: jdbcOf(databaseUrl),
    heap: env.ENGINE_HEAP ?? '768m',
    sourceDir: path.join(projectRoot, 'engine'),
    cacheDir,
    jar: path.join(cacheDir, 'payam-engine.jar'),
    jarHash: path.join(cacheDir, 'payam-engine.sha256'),
    instanceDir,
    logFile: path.join(instanceDir, 'engine.log'),
    pidFile: path.join(instanceDir, 'engine.pid'),
  };
}

export type EngineSettings = ReturnType<typeof engineSettings>;
