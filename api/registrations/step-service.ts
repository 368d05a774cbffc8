import { randomUUID } from 'node:crypto';
import { TaskGoneError, type OpenTask } from '../../adapters/engine/process-engine.js';
import { USER_TASKS } from '../../adapters/engine/process-model.js';
import { hashPassword } from '../../adapters/crypto/password-hash.js';
import { createApplicantDataRepo } from '../../db/applicant-data-repo.js';
import { createAuditRepo } from '../../db/audit-repo.js';
import { createLettersRepo } from '../../db/letters-repo.js';
import { createOneTimeCodesRepo } from '../../db/one-time-codes-repo.js';
import type { Tx } from '../../db/knex.js';
import { createRegistrationsRepo } from '../../db/registrations-repo.js';
import { normalizeDigits } from '../../domain/digits.js';
import { hashSecret, OTP_LENGTH } from '../../domain/one-time-code.js';
import { checkPassword } from '../../domain/password-policy.js';
import type { CaptchaService } from '../captcha/captcha-service.js';
import { AppError } from '../errors/app-error.js';
import { timed } from '../timing/server-timing.js';
import { openRegistration, type RegistrationRef } from './open-registration.js';
import type { ServiceDeps } from './registration-service.js';

/** How often a wait looks on its own; the workers' announcements usually end it sooner. */
const POLL_MS = 500;

/** The steps the process waits for the applicant in: the engine holds a user task for them. */
const APPLICANT_STEPS: readonly string[] = ['applicant-data', 'otp'];

/** Where a wait ended; `open` is the engine's open tasks when it asked for them, so the view need not ask again. */
export interface Settled {
  open?: OpenTask[];
}

/**
 * The applicant's user tasks (card steps 3–5 and 9-2): each call completes the engine's open task and
 * waits for the next. The request is marked "verifying" before the task is completed, never after, so
 * the workers' next status (code sent, back to step 3) always lands last and is never overwritten.
 */
export function createStepService(
  { db, engine, config, now, progress, logger }: ServiceDeps,
  captchas: CaptchaService,
) {
  const registrations = createRegistrationsRepo(db);
  const audit = createAuditRepo(db);
  const letters = createLettersRepo(db);
  const codes = createOneTimeCodesRepo(db);

  /** The process may still be on its way to the step (a worker finishing), so a quick applicant waits briefly. */
  const openTask = (registrationId: string, taskKey: string) =>
    timed('task', async () => {
      const task = await waitFor(registrationId, async () => (await engine.openTasks(registrationId, [taskKey]))[0]);
      if (!task) throw new AppError('step_not_ready', 409);
      return task;
    });

  /**
   * Looks, and while `look` finds nothing waits for the workers' announcement that the registration moved
   * on (or a poll interval, should one be lost) and looks again, up to SUBMIT_WAIT_MS.
   */
  async function waitFor<T>(registrationId: string, look: () => Promise<T | undefined>): Promise<T | undefined> {
    const deadline = Date.now() + config.SUBMIT_WAIT_MS;
    const watch = progress.watch(registrationId);
    try {
      for (;;) {
        const found = await look();
        if (found !== undefined) return found;
        const left = deadline - Date.now();
        if (left <= 0) return undefined;
        await watch.next(Math.min(POLL_MS, left));
      }
    } finally {
      watch.close();
    }
  }

  /**
   * Completes the task; the caller has already recorded the applicant's input and "verifying". If the
   * engine refuses, `undo` takes the input back and the request returns to `stepBefore`, so nothing
   * half-written stays: gone (a time limit closed the request) is 409 `expired`; anything else is the
   * engine's fault and answered as such.
   */
  /** Every 2 s for 10 minutes: long enough for PostgreSQL to restart, and the API answers meanwhile. */
  function revertLater(revert: () => Promise<unknown>, registrationId: string, triesLeft = 300) {
    setTimeout(() => {
      revert().catch(() => {
        if (triesLeft > 1) revertLater(revert, registrationId, triesLeft - 1);
        else logger.error({ registrationId }, 'a step the engine did not take could not be reverted');
      });
    }, 2_000).unref();
  }

  async function complete(
    registrationId: string,
    taskId: string,
    variables: Record<string, string>,
    stepBefore: 'applicant-data' | 'otp',
    undo: (trx: Tx) => Promise<unknown>,
  ) {
    try {
      await timed('engine', () => engine.completeTask(taskId, variables));
    } catch (err) {
      const revert = () =>
        db.transaction(async (trx) => {
          await undo(trx);
          await trx('registrations')
            .where({ id: registrationId, status: 'verifying' })
            .update({ status: stepBefore, updated_at: now() });
        });
      // The engine and our database may be away together (one PostgreSQL server down): the step stays taken
      // until the revert is written, so it is tried again until then, not left half-written.
      await revert().catch(() => revertLater(revert, registrationId));
      if (err instanceof TaskGoneError) throw new AppError('expired', 409);
      throw err;
    }
  }

  /**
   * Answers when the process waits for the applicant or reviewers again, has reached the review (the
   * code accepted; the review task follows from the job executor) or closed; or after SUBMIT_WAIT_MS ("verifying").
   * The registration's status says so first: every path out of "verifying" has a worker set it (back to
   * step 3, code sent, under review, closed) before it completes its task. Only a step the applicant acts
   * on next is confirmed with the engine, since the worker's completion may still be on its way; waking
   * on each announcement, the wait asks the engine once rather than on every step the workers take, and
   * hands what it found to the view.
   */
  const settle = (registrationId: string) =>
    timed('wait', () =>
      waitFor(registrationId, async (): Promise<Settled | undefined> => {
        const reg = await registrations.get(registrationId);
        if (reg?.status === 'verifying') return undefined;
        if (!reg || !APPLICANT_STEPS.includes(reg.status)) return {};
        const open = await engine.openTasks(registrationId);
        return open.length ? { open } : undefined;
      }),
    );

  return {
    /** Card steps 4–5: password and captcha, once the data (3) and the letter (3-2) are in. */
    async submit(registration: RegistrationRef, input: { password: string; captchaId: string; captcha: string }) {
      const { id: registrationId } = await openRegistration(registrations, registration, 'applicant-data');
      const data = await createApplicantDataRepo(db).get(registrationId);
      const letter = await letters.meta(registrationId);
      const missing = [...(data ? [] : ['applicant']), ...(letter ? [] : ['letter'])];
      if (missing.length) throw new AppError(data ? 'letter_missing' : 'data_missing', 409, [], { missing });
      // Verified meanwhile by another request: no inquiries and no SMS for a request that would be sent back at 9-3.
      if (await registrations.holderOf(data!.agencyNationalId, registrationId)) {
        throw new AppError('agency_has_open_request', 409, [
          { field: 'agencyNationalId', code: 'agency_has_open_request' },
        ]);
      }
      const password = checkPassword(input.password, { nationalCode: data!.nationalCode, mobile: data!.mobile });
      if (!password.ok) throw new AppError('validation_failed', 422, [{ field: 'password', code: password.code }]);
      const task = await openTask(registrationId, USER_TASKS.applicantData);

      const submissionId = randomUUID();
      const passwordHash = await timed('hash', () => hashPassword(input.password));
      await db.transaction(async (trx) => {
        await createApplicantDataRepo(db).setPasswordHash(registrationId, passwordHash, trx);
        await trx('submissions').insert({
          id: submissionId,
          registration_id: registrationId,
          captcha_id: input.captchaId,
          captcha_answer_hash: captchas.answerHash(input.captcha),
        });
        await registrations.setStatus(registrationId, 'verifying', { return_reason: null, submitted_at: now() }, trx);
        await audit.record({ registrationId, actor: 'applicant', action: 'submitted', detail: { submissionId } }, trx);
      });
      await complete(registrationId, task.id, { submissionId }, 'applicant-data', (trx) =>
        trx('submissions').where({ id: submissionId }).delete(),
      );
      return settle(registrationId);
    },

    /** Card step 9-2. */
    async enterOtp(registration: RegistrationRef, code: string) {
      const { id: registrationId } = await openRegistration(registrations, registration, 'otp');
      const normalized = normalizeDigits(code, { stripSeparators: true });
      if (!new RegExp(`^\\d{${OTP_LENGTH}}$`).test(normalized))
        throw new AppError('validation_failed', 422, [{ field: 'code', code: 'otp_invalid' }]);
      const task = await openTask(registrationId, USER_TASKS.enterOtp);
      const otpEntryId = randomUUID();
      await db.transaction(async (trx) => {
        await trx('otp_entries').insert({
          id: otpEntryId,
          registration_id: registrationId,
          code_hash: hashSecret(normalized, config.SECRET_PEPPER),
        });
        await registrations.setStatus(registrationId, 'verifying', {}, trx);
        await audit.record({ registrationId, actor: 'applicant', action: 'otp_entered', detail: { otpEntryId } }, trx);
      });
      await complete(registrationId, task.id, { otpAction: 'verify', otpEntryId }, 'otp', (trx) =>
        trx('otp_entries').where({ id: otpEntryId }).delete(),
      );
      return settle(registrationId);
    },

    /** A new code on request: after a cool-down, and within the codes one round may send. */
    async resendOtp(registration: RegistrationRef) {
      const reg = await openRegistration(registrations, registration, 'otp');
      const registrationId = reg.id;
      const task = await openTask(registrationId, USER_TASKS.enterOtp);
      const round = await codes.since(registrationId, reg.submitted_at ?? reg.created_at);
      const last = round[0]?.sent_at ? new Date(round[0].sent_at) : undefined;
      const availableAt = last ? new Date(last.getTime() + config.OTP_RESEND_COOLDOWN_SECONDS * 1000) : now();
      if (availableAt > now())
        throw new AppError('otp_resend_too_soon', 429, [], { retryAt: availableAt.toISOString() });
      if (round.length >= config.OTP_MAX_CODES) throw new AppError('rate_limited', 429);
      await db.transaction(async (trx) => {
        await registrations.setStatus(registrationId, 'verifying', {}, trx);
        await audit.record({ registrationId, actor: 'applicant', action: 'otp_resend_requested' }, trx);
      });
      await complete(registrationId, task.id, { otpAction: 'resend' }, 'otp', async () => undefined);
      return settle(registrationId);
    },
  };
}

export type StepService = ReturnType<typeof createStepService>;
