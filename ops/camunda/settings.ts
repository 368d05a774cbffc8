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
  return {
    version,
    artifact: `io.camunda:camunda-zeebe:${version}:tar.gz`,
    cacheDir,
    archive: path.join(cacheDir, `camunda-zeebe-${version}.tar.gz`),
    home: path.join(cacheDir, `camunda-zeebe-${version}`),
    dataDir: path.join(cacheDir, 'data'),
    logFile: path.join(cacheDir, 'logs', 'camunda.log'),
    pidFile: path.join(cacheDir, 'camunda.pid'),
    heap: env.CAMUNDA_HEAP ?? '2g',
    grpcPort: Number(env.CAMUNDA_GRPC_PORT ?? 26500),
    restPort: Number(env.CAMUNDA_REST_PORT ?? 8080),
    managementPort: Number(env.CAMUNDA_MANAGEMENT_PORT ?? 9600),
  };
}

export type CamundaSettings = ReturnType<typeof camundaSettings>;
