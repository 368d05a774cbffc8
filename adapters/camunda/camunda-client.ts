import { Camunda8 } from '@camunda8/sdk';
import type { Config } from '../../config/config.js';

export type ZeebeClient = ReturnType<Camunda8['getZeebeGrpcApiClient']>;

/** One gRPC client per process: workers, instance starts and job completions share its connection. */
export function createZeebeClient(config: Pick<Config, 'ZEEBE_GRPC_ADDRESS' | 'ZEEBE_REST_ADDRESS' | 'ZEEBE_WORKER_POLL_INTERVAL_MS'>): ZeebeClient {
  const c8 = new Camunda8({
    ZEEBE_GRPC_ADDRESS: config.ZEEBE_GRPC_ADDRESS,
    ZEEBE_REST_ADDRESS: config.ZEEBE_REST_ADDRESS,
    CAMUNDA_OAUTH_DISABLED: true,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_SECURE_CONNECTION: false,
    // After a refused activation the SDK backs off up to this long; its default makes a worker idle for a minute.
    CAMUNDA_JOB_WORKER_MAX_BACKOFF_MS: 2_000,
    zeebeGrpcSettings: {
      ZEEBE_CLIENT_LOG_LEVEL: 'ERROR',
      ZEEBE_GRPC_CLIENT_EAGER_CONNECT: false,
      // The SDK waits this long after each long poll returns before it polls again; every service
      // task in a row pays it once, so the default (300 ms) was most of the time from submit to code.
      ZEEBE_GRPC_WORKER_POLL_INTERVAL_MS: config.ZEEBE_WORKER_POLL_INTERVAL_MS,
    },
  } as ConstructorParameters<typeof Camunda8>[0]);
  return c8.getZeebeGrpcApiClient();
}

/** The job is no longer there: completed already (by someone else), or ended by a timer or a cancellation. */
export class JobGoneError extends Error {
  static readonly code = 'JOB_GONE';
  readonly code = JobGoneError.code;
  override name = JobGoneError.name;
}

const connected = new WeakMap<ZeebeClient, Promise<unknown>>();

/**
 * Completes a job (the way the API completes a user task). The SDK's completeJob logs through a
 * logger it creates with its first connection, so in a process that has not talked to the broker
 * yet (an API without workers) it would throw; one topology call per client makes the connection first.
 */
export async function completeJob(zeebe: ZeebeClient, jobKey: string, variables: Record<string, string> = {}) {
  if (!connected.has(zeebe)) connected.set(zeebe, zeebe.topology().catch((e) => { connected.delete(zeebe); throw e; }));
  await connected.get(zeebe);
  try {
    await zeebe.completeJob({ jobKey, variables });
  } catch (err) {
    // gRPC NOT_FOUND (5) is the broker's word for a job that is gone.
    if ((err as { code?: number }).code === 5) throw new JobGoneError(`job ${jobKey} is gone`);
    throw err;
  }
}
