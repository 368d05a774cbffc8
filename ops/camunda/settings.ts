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
    /** Extra JVM options, after the heap and GC settings. */
    javaOpts: env.CAMUNDA_JAVA_OPTS ?? '',
    /** Maven's local repository, if not ~/.m2/repository: where the archive and its published checksum land. */
    mavenRepoLocal: env.MAVEN_REPO_LOCAL,
    // The default thresholds (2 GB / 1 GB free) stop processing on small development disks.
    diskFreeProcessing: env.ZEEBE_BROKER_DATA_DISK_FREESPACE_PROCESSING ?? '512MB',
    diskFreeReplication: env.ZEEBE_BROKER_DATA_DISK_FREESPACE_REPLICATION ?? '256MB',
    brokerHost: env.ZEEBE_BROKER_NETWORK_HOST ?? '127.0.0.1',
    gatewayHost: env.ZEEBE_BROKER_GATEWAY_NETWORK_HOST ?? '127.0.0.1',
    restHost: env.CAMUNDA_REST_HOST ?? '127.0.0.1',
    // One broker on a small machine shared with its clients: backpressure would refuse commands and
    // job activations under a burst and the clients' back-off turns that into stalls of many seconds.
    backpressureEnabled: env.ZEEBE_BROKER_BACKPRESSURE_ENABLED ?? 'false',
  };
}

export type CamundaSettings = ReturnType<typeof camundaSettings>;
