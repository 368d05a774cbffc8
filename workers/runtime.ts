import type { Registry } from 'prom-client';
import type { Logger } from 'pino';
import { hostname } from 'node:os';
import { createCaRaClient } from '../adapters/ca/ra-client.js';
import { createRaSigner } from '../adapters/ca/ra-signer.js';
import { createSignatureChecker } from '../adapters/certificates/signature-checker.js';
import { serviceEngine, serviceEnginePerNode } from '../adapters/engine/connect.js';
import { announceProgress } from '../adapters/progress/registration-progress.js';
import type { ProcessEngine } from '../adapters/engine/process-engine.js';
import { createSmtpMailer } from '../adapters/mail/smtp-mailer.js';
import { createPgsbCivilRegistry } from '../adapters/pgsb/civil-registry.js';
import { createPgsbClient } from '../adapters/pgsb/pgsb-client.js';
import { createPgsbShahkar } from '../adapters/pgsb/shahkar.js';
import { createNotificationQueue, NOTIFICATION_QUEUE } from '../adapters/queue/notification-queue.js';
import { createLoginFailuresRepo } from '../db/login-failures-repo.js';
import { createKavenegarSmsGateway } from '../adapters/sms/kavenegar-sms-gateway.js';
import type { Config } from '../config/config.js';
import { createDb, type Db } from '../db/knex.js';
import { jobWorkers } from './index.js';
import { createTaskMetrics } from './support/task-metrics.js';
import { registerQueueDepths } from './support/queue-metrics.js';
import { startTaskPoller } from './support/task-poller.js';
import { startNotificationDelivery } from './queue/notification-delivery.js';
import { startNoticeSweeper } from './queue/notice-sweeper.js';
import { startDailyRollup } from './monitor/daily-rollup.js';
import { startDailyPurge } from './retention/daily-purge.js';
import { startOperationsAlerts } from './alerts/operations-alerts.js';
import type { WorkerDeps } from './support/worker-deps.js';

/**
 * A long poll is woken only by tasks created on its own node, so with several nodes the workers
 * long-poll every node (each node first, the others as its failover) and see a new task at once
 * wherever it was created. Each poll has its own worker id: the engine replaces a worker's pending
 * poll by its next one, which must not be another node's poller failing over.
 */
export function pollClients(config: Config, engine: ProcessEngine, eachNode = true) {
  const perNode = eachNode ? serviceEnginePerNode(config) : [];
  if (perNode.length < 2) return [{ engine, suffix: '' }];
  return perNode.map((e, i) => ({ engine: e, suffix: `-n${i}` }));
}

/**
 * Builds the real adapters from configuration and starts the task poller (one per engine node), the notice
 * delivery, and the scheduled jobs (retention purge, the monitor's roll-up, incident watcher, review digest).
 * `retentionQueueName: null` (the purge and the roll-up) and `alertsQueueName: null` leave those out (tests share one Redis across databases, and run them themselves).
 */
export function startWorkers(
  config: Config,
  logger: Logger,
  opts: {
    db?: Db;
    engine?: ProcessEngine;
    queueName?: string;
    retentionQueueName?: string | null;
    /** The incident watcher's and the review digest's queue; null leaves them out (tests start their own). */
    alertsQueueName?: string | null;
    without?: string[];
    pollEachNode?: boolean;
    /** The workers' clock (a test moves it, e.g. past a cached CRL's next update, instead of waiting). */
    now?: () => Date;
    /** Where the tasks per topic are counted (workers/main.ts serves it at the workers' metrics port). */
    metrics?: Registry;
  } = {},
) {
  const db = opts.db ?? createDb(config.DATABASE_URL, undefined, logger, 'payam-workers');
  const engine = opts.engine ?? serviceEngine(config);
  const pgsb = createPgsbClient({
    baseUrl: config.PGSB_BASE_URL,
    clientId: config.PGSB_CLIENT_ID,
    userId: config.PGSB_USER_ID,
    token: config.PGSB_TOKEN,
    timeoutMs: config.PGSB_TIMEOUT_MS,
    tls: config.PGSB_TLS_CERT_FILE
      ? { caFile: config.PGSB_TLS_CA_FILE, certFile: config.PGSB_TLS_CERT_FILE, keyFile: config.PGSB_TLS_KEY_FILE }
      : undefined,
  });
  const sms = createKavenegarSmsGateway({
    baseUrl: config.SMS_BASE_URL,
    apiKey: config.SMS_API_KEY,
    sender: config.SMS_SENDER,
    timeoutMs: config.SMS_TIMEOUT_MS,
  });
  const mailer = createSmtpMailer({
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.SMTP_SECURE,
    user: config.SMTP_USER,
    pass: config.SMTP_PASSWORD,
    from: config.MAIL_FROM,
  });
  const notifications = createNotificationQueue(config.REDIS_URL, opts.queueName ?? NOTIFICATION_QUEUE, {
    attempts: config.NOTICE_ATTEMPTS,
    backoffMs: config.NOTICE_RETRY_BACKOFF_MS,
  });
  const deps: WorkerDeps = {
    db,
    config,
    logger,
    sms,
    notifications,
    now: opts.now ?? (() => new Date()),
    signatures: createSignatureChecker(config, { now: opts.now }),
    ca: createCaRaClient({
      baseUrl: config.CA_RA_URL,
      token: config.CA_RA_TOKEN,
      timeoutMs: config.CA_RA_TIMEOUT_MS,
      signer: createRaSigner({ certificate: config.CA_RA_CERTIFICATE_FILE, key: config.CA_RA_KEY_FILE }),
    }),
    civilRegistry: createPgsbCivilRegistry(pgsb),
    shahkar: createPgsbShahkar(pgsb),
  };
  const started = jobWorkers.filter((w) => !opts.without?.includes(w.topic));
  // One worker id per process and node: the engine replaces a worker's pending long poll by its next one.
  const idBase = `${hostname()}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  // Once the engine accepted a completion, an applicant's request waiting for the next step may look again.
  const onCompleted = (task: { businessKey: string | null; topic: string }) => {
    if (task.businessKey)
      announceProgress(db, task.businessKey).catch((e: Error) =>
        logger.debug({ topic: task.topic, err: e.name }, 'progress not announced'),
      );
  };
  const onTaskDone = opts.metrics ? createTaskMetrics(opts.metrics) : undefined;
  const pollers = pollClients(config, engine, opts.pollEachNode !== false);
  const workers = pollers.map((p) =>
    startTaskPoller(started, p.engine.externalTasks(`${idBase}${p.suffix}`), deps, config.ENGINE_LONG_POLL_MS, {
      onCompleted,
      onTaskDone,
    }),
  );
  const delivery = startNotificationDelivery({ db, config, logger, sms, mailer }, notifications.name);
  const sweeper = startNoticeSweeper(
    { db, logger, queue: notifications },
    { intervalMs: config.NOTICE_SWEEP_MS, graceMs: config.NOTICE_SWEEP_GRACE_MS },
  );
  logger.info({ topics: started.map((w) => w.topic) }, 'external-task workers started');
  // Failed-login records older than the reset time count for nothing; without this the table grows with every guessed name.
  const purge = setInterval(() => {
    createLoginFailuresRepo(db)
      .purgeOlderThan(new Date(Date.now() - config.LOGIN_FAILURE_RESET_SECONDS * 1000))
      .catch((e: Error) => logger.warn({ err: e.name }, 'login failures not purged'));
    // Certificate challenges live minutes; anyone may ask for a login challenge, so the expired ones go too.
    db('certificate_challenges')
      .where('expires_at', '<', new Date(Date.now() - 3_600_000))
      .delete()
      .catch((e: Error) => logger.warn({ err: e.name }, 'certificate challenges not purged'));
  }, 3_600_000);
  purge.unref();
  const dailyPurge =
    opts.retentionQueueName === null
      ? undefined
      : startDailyPurge({ db, engine, config, logger, now: deps.now }, opts.retentionQueueName);
  // With the purge: a test run's workers share one Redis across databases, and roll up themselves.
  const dailyRollup =
    opts.retentionQueueName === null ? undefined : startDailyRollup({ db, engine, config, logger, now: deps.now });
  const alerts =
    opts.alertsQueueName === null
      ? undefined
      : startOperationsAlerts({ db, engine, config, logger, notifications, now: deps.now }, opts.alertsQueueName);
  if (opts.metrics)
    registerQueueDepths(opts.metrics, () =>
      [notifications.queue, alerts?.queue, dailyPurge?.queue, dailyRollup?.queue].filter((q) => q !== undefined),
    );
  return {
    deps,
    sweeper,
    async close() {
      clearInterval(purge);
      await sweeper.close();
      await alerts?.close();
      await dailyPurge?.close();
      await dailyRollup?.close();
      await Promise.all(workers.map((w) => w.close()));
      await delivery.close();
      await notifications.close();
      mailer.close();
      if (!opts.db) await db.destroy();
    },
  };
}
