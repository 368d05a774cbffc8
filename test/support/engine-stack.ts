import { randomUUID } from 'node:crypto';
import { Registry } from 'prom-client';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { serviceEngine } from '../../adapters/engine/connect.js';
import { PROCESS_ID } from '../../adapters/engine/process-model.js';
import { listenForProgress } from '../../adapters/progress/registration-progress.js';
import { createCaptchaService } from '../../api/captcha/captcha-service.js';
import { createRegistrationService } from '../../api/registrations/registration-service.js';
import { createRegistrationView } from '../../api/registrations/registration-view.js';
import { createStepService } from '../../api/registrations/step-service.js';
import { loadConfig, type Config } from '../../config/config.js';
import { createLogger } from '../../config/logger.js';
import { createDb } from '../../db/knex.js';
import { createMailCatcher } from '../../simulators/mail-catcher/create-mail-catcher.js';
import { CA_FILES, RA_OFFICE_FILES } from '../../simulators/ca/ca-material.js';
import { buildCaSimulator, DEFAULT_CA_DIR } from '../../simulators/ca/server.js';
import { buildPgsbSimulator } from '../../simulators/pgsb/server.js';
import { buildSmsSimulator } from '../../simulators/sms/server.js';
import { startWorkers } from '../../workers/runtime.js';
import { movingClock } from './database.js';
import { citizenOf, type RegistryRecord } from './citizen.js';

const urlOf = (server: { server: { address(): unknown } }) =>
  `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;

/**
 * The real engine, database and Redis, with the simulators on free ports, every external-task
 * worker started against them, and the services the API calls. Each test file starts one and closes
 * it; instances it started are cancelled so that no later file's workers meet them.
 */
export async function startEngineStack(
  overrides: Partial<Record<keyof Config, string>> = {},
  options: { withoutWorkers?: string[] } = {},
) {
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'silent' });
  const pgsbSim = buildPgsbSimulator();
  const smsSim = buildSmsSimulator();
  await pgsbSim.listen({ port: 0, host: '127.0.0.1' });
  await smsSim.listen({ port: 0, host: '127.0.0.1' });
  // The test CA's root and intermediate are the development ones (.cache/ca); what it issues is this stack's.
  // One clock for the CA, the workers and the services, which a test moves on instead of waiting.
  const clock = movingClock();
  const caSim = await buildCaSimulator({ dir: DEFAULT_CA_DIR, now: clock.now });
  await caSim.listen({ port: 0, host: '127.0.0.1' });
  const caUrl = urlOf(caSim);
  const mail = createMailCatcher({ smtpPort: 0, httpPort: 0, logger });
  const mailPorts = await mail.start();
  const config = loadConfig({
    ...process.env,
    PGSB_BASE_URL: urlOf(pgsbSim),
    SMS_BASE_URL: urlOf(smsSim),
    SMTP_PORT: String(mailPorts.smtpPort),
    PGSB_TIMEOUT_MS: '1000',
    JOB_RETRY_BACKOFF_MS: '500',
    OTP_RESEND_COOLDOWN_SECONDS: '0',
    CRL_TIMEOUT_MS: '1000',
    CA_RA_URL: caUrl,
    CERT_TRUST_ROOT_FILES: path.join(DEFAULT_CA_DIR, CA_FILES.rootCert),
    CERT_TRUST_INTERMEDIATE_FILES: path.join(DEFAULT_CA_DIR, CA_FILES.intermediateCert),
    CA_RA_CERTIFICATE_FILE: path.join(DEFAULT_CA_DIR, RA_OFFICE_FILES.dir, RA_OFFICE_FILES.cert),
    CA_RA_KEY_FILE: path.join(DEFAULT_CA_DIR, RA_OFFICE_FILES.dir, RA_OFFICE_FILES.key),
    // Test files share one database: a file's sweeper must not carry another file's notices to its own simulators.
    NOTICE_SWEEP_GRACE_MS: '3600000',
    ...overrides,
  });
  const db = createDb(config.DATABASE_URL);
  const engine = serviceEngine(config);
  // The workers' task counts, as workers/main.ts serves them (test/api/metrics.test.ts scrapes them).
  const workerMetrics = new Registry();
  const workers = startWorkers(config, logger, {
    metrics: workerMetrics,
    db,
    engine,
    queueName: `notifications-test-${randomUUID()}`,
    retentionQueueName: null,
    alertsQueueName: null,
    without: options.withoutWorkers,
    now: clock.now,
  });
  const progress = await listenForProgress(config.DATABASE_URL, logger);
  const deps = { db, engine, config, logger, progress, now: clock.now };
  const captchas = createCaptchaService(db, config);
  const registrations = createRegistrationService(deps);
  const pgsbUrl = urlOf(pgsbSim);
  const smsUrl = urlOf(smsSim);
  const mailUrl = `http://127.0.0.1:${mailPorts.httpPort}`;
  const post = (url: string, body: unknown) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(
      (r) => {
        if (!r.ok) throw new Error(`${url}: ${r.status}`);
      },
    );
  const addCitizen = (c: RegistryRecord) => post(`${pgsbUrl}/__sim/citizens`, { alive: true, ...c });
  const addMobile = (nationalCode: string, mobile: string) =>
    post(`${pgsbUrl}/__sim/mobiles`, { nationalCode, mobile });

  return {
    config,
    db,
    engine,
    captchas,
    registrations,
    logger,
    progress,
    caUrl,
    clock,
    /** What the API's services are built with (api/plugins/services.ts). */
    serviceDeps: deps,
    workerDeps: workers.deps,
    workerMetrics,
    steps: createStepService(deps, captchas),
    view: createRegistrationView(db, engine, config),
    sim: {
      addCitizen,
      addMobile,
      /** The person in the civil registry, as given, and their mobile line theirs at Shahkar: one who passes both. */
      addPerson: async (p: RegistryRecord & { mobile: string }) => {
        await addCitizen(citizenOf(p));
        await addMobile(p.nationalCode, p.mobile);
      },
      pgsbFault: (service: 'civil-registry' | 'shahkar', mode: 'error' | 'timeout', count?: number) =>
        post(`${pgsbUrl}/__sim/faults`, { service, mode, count }),
      clearPgsbFaults: () => fetch(`${pgsbUrl}/__sim/faults`, { method: 'DELETE' }),
      pgsbCalls: async (service: string) =>
        (await (await fetch(`${pgsbUrl}/__sim/calls?service=${service}`)).json()) as { count: number },
      smsTo: async (to: string) =>
        (await (await fetch(`${smsUrl}/__sim/messages?to=${to}`)).json()) as { text: string; template?: string }[],
      smsFault: (mode: 'error' | 'timeout', count?: number) => post(`${smsUrl}/__sim/faults`, { mode, count }),
      mailTo: async (to: string) =>
        (await (await fetch(`${mailUrl}/messages?to=${encodeURIComponent(to)}`)).json()) as {
          subject: string;
          text: string;
          messageId?: string;
        }[],
    },
    /** Polls until the check passes (the engine works asynchronously); fails with the last value seen. */
    async eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      let last: T;
      do {
        last = await read();
        if (ok(last)) return last;
        await sleep(150);
      } while (Date.now() < deadline);
      throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    },
    async close() {
      // Every instance still running is this file's (the test engine is the test run's own).
      const running = await engine.runningInstances(PROCESS_ID);
      await Promise.all(running.map((p) => engine.cancel(p.id).catch(() => undefined)));
      await workers.close();
      await progress.close();
      await db.destroy();
      await Promise.all([pgsbSim.close(), smsSim.close(), caSim.close(), mail.stop()]);
    },
  };
}

export type EngineStack = Awaited<ReturnType<typeof startEngineStack>>;
