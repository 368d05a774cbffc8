import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { ProcessEngine } from '../../adapters/engine/process-engine.js';
import { PROCESS_ID, USER_TASKS } from '../../adapters/engine/process-model.js';
import type { Variables } from '../../adapters/engine/variables.js';
import type { Config } from '../../config/config.js';
import { projectRoot } from '../../config/paths.js';
import { jobWorkers } from '../../workers/index.js';
import type { Worker } from '../../workers/support/define-worker.js';
import { startTaskPoller } from '../../workers/support/task-poller.js';
import type { WorkerDeps } from '../../workers/support/worker-deps.js';
import { completed, expectations, type Completion } from './expectations.js';

/** What each topic answers on the way to "registered", with no database, PGSB or SMS behind it. */
const HAPPY_PATH: Record<string, () => Variables> = {
  'captcha-check': () => ({ captchaOutcome: 'valid' }),
  'letter-signature-check': () => ({ signatureOutcome: 'not_signed' }),
  'civil-registry-inquiry': () => ({ civilRegistryOutcome: 'match' }),
  'shahkar-inquiry': () => ({ shahkarOutcome: 'match' }),
  'otp-send': () => ({ otpIssuedAt: new Date().toISOString() }),
  'otp-check': () => ({ otpOutcome: 'accepted', otpWrongCount: 0 }),
  'review-record': () => ({ reviewDecision: 'approve' }),
  'review-reminder': () => ({}),
  'account-create': () => ({ accountId: randomUUID() }),
  'notify-applicant': () => ({ notified: 'sms' }),
  'registration-close': () => ({ outcome: 'registered' }),
};

/** Every topic of the registration's models (not the registration office's), read from bpmn/. */
function registrationTopics() {
  const topics = new Set<string>();
  for (const file of ['agency-registration.bpmn', 'agency-registration-review.bpmn']) {
    for (const m of readFileSync(path.join(projectRoot, 'bpmn', file), 'utf8').matchAll(/camunda:topic="([^"]+)"/g))
      topics.add(m[1]!);
  }
  return topics;
}

/** The real workers' subscriptions (topic, variables fetched, lock, tasks per poll), each answering at once. */
function noOp(worker: Worker): Worker {
  const answer = HAPPY_PATH[worker.topic]!;
  return { ...worker, run: async () => answer() };
}

/**
 * The engine's own ceiling: the deployed models, driven through the same worker client (one long poll
 * for all topics, as the workers') with workers that do nothing, and the user tasks completed straight through the
 * engine's REST API. What is left is the engine, its database and the client.
 */
export function startCeiling(engine: ProcessEngine, config: Config, logger: Logger) {
  const events = expectations<Completion>();
  const deps = { config, logger } as WorkerDeps;
  const missing = [...registrationTopics()].filter((t) => !HAPPY_PATH[t]);
  if (missing.length) throw new Error(`the ceiling has no answer for ${missing.join(', ')}; add them to HAPPY_PATH`);
  const poller = startTaskPoller(
    jobWorkers.filter((w) => HAPPY_PATH[w.topic]).map(noOp),
    engine.externalTasks(`bench-ceiling-${process.pid}`),
    deps,
    config.ENGINE_LONG_POLL_MS,
    {
      onCompleted: (task) => events.deliver(task),
    },
  );

  /**
   * The user task once the engine has it (the review's comes from the job executor, a moment after).
   * Looks again after 20 ms, then less often: 64 drivers asking every 20 ms would be load of their own.
   */
  async function completeWhenOpen(businessKey: string, key: string, variables: Variables) {
    const deadline = Date.now() + 60_000;
    for (let pause = 20; ; pause = Math.min(pause * 2, 250)) {
      const [task] = await engine.openTasks(businessKey, [key]);
      if (task) return engine.completeTask(task.id, variables);
      if (Date.now() > deadline) throw new Error(`${key} never opened`);
      await sleep(pause);
    }
  }

  return {
    /** One registration, start to "registered"; the business keys are returned for the history. */
    async one(keys: string[], durations: number[]) {
      const id = randomUUID();
      keys.push(id);
      const codeSent = events.expect(completed('otp-send', id), 'otp-send');
      const codeChecked = events.expect(completed('otp-check', id), 'otp-check');
      const closed = events.expect(completed('registration-close', id), 'registration-close');
      const t0 = performance.now();
      await engine.start(PROCESS_ID, id, {
        registrationId: id,
        applicantTimeout: 'P3D',
        otpTimeout: 'PT15M',
        reviewReminder: 'P2D',
      });
      await completeWhenOpen(id, USER_TASKS.applicantData, { submissionId: randomUUID() });
      await codeSent;
      await completeWhenOpen(id, USER_TASKS.enterOtp, { otpAction: 'verify', otpEntryId: randomUUID() });
      // Not asked for before the code is checked: a reviewer's queue shows the request from then on.
      await codeChecked;
      await completeWhenOpen(id, USER_TASKS.review, { decision: 'approve' });
      await closed;
      durations.push(performance.now() - t0);
    },
    close: () => poller.close(),
  };
}
