import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The newest Camunda 8 distribution that resolves from Maven Central as this project's machines see it.
 * 8.9.x does not resolve there (neither the archive nor the modules to assemble it), so 8.6.0 is pinned;
 * see README "Engine version". Override with CAMUNDA_VERSION once a newer one resolves.
 */
export const pinnedCamundaVersion = '8.6.0';

export function camundaSettings(env: NodeJS.ProcessEnv = process.env) {
  const version = env.CAMUNDA_VERSION ?? pinnedCamundaVersion;
  const cacheDir = path.resolve(projectRoot, env.CAMUNDA_CACHE_DIR ?? '.cache/camunda');
  // Data, log and pid of one broker; a second broker on other ports (say, for a parallel test run) needs its own.
  const instanceDir = path.resolve(projectRoot, env.CAMUNDA_INSTANCE_DIR ?? cacheDir);
  return {
    version,
    artifact: `io.camunda:camunda-zeebe:${version}:tar.gz`,
    cacheDir,
    archive: path.join(cacheDir, `camunda-zeebe-${version}.tar.gz`),
    home: path.join(cacheDir, `camunda-zeebe-${version}`),
    dataDir: path.join(instanceDir, 'data'),
    logFile: path.join(instanceDir, 'logs', 'camunda.log'),
    pidFile: path.join(instanceDir, 'camunda.pid'),
    heap: env.CAMUNDA_HEAP ?? '2g',
    grpcPort: Number(env.CAMUNDA_GRPC_PORT ?? 26500),
    restPort: Number(env.CAMUNDA_REST_PORT ?? 8080),
    managementPort: Number(env.CAMUNDA_MANAGEMENT_PORT ?? 9600),
    commandPort: Number(env.CAMUNDA_COMMAND_PORT ?? 26501),
    internalPort: Number(env.CAMUNDA_INTERNAL_PORT ?? 26502),
  };
}

export type CamundaSettings = ReturnType<typeof camundaSettings>;
