import type { OpenTask, ProcessEngine } from '../../adapters/engine/process-engine.js';
import { USER_TASKS } from '../../adapters/engine/process-model.js';
import type { Config } from '../../config/config.js';
import { createAccountsRepo } from '../../db/accounts-repo.js';
import { createApplicantDataRepo } from '../../db/applicant-data-repo.js';
import type { Db } from '../../db/knex.js';
import { createLettersRepo } from '../../db/letters-repo.js';
import { createOneTimeCodesRepo } from '../../db/one-time-codes-repo.js';
import { CLOSED_STATUSES, createRegistrationsRepo, type RegistrationStatus } from '../../db/registrations-repo.js';
import { isMessageCode, messageText, type MessageCode } from '../../domain/messages.js';
import { rejectionReasonText, type RejectionReason } from '../../domain/review-decision.js';
import { notFound } from '../errors/app-error.js';
import { dueAt, iso } from '../instants.js';
import type { RegistrationRef } from './open-registration.js';

const message = (id: MessageCode, type: 'error' | 'info', field?: string) => ({
  id,
  type,
  ...(field ? { field } : {}),
  text: messageText(id),
});
const maskMobile = (m: string) => `${m.slice(0, 4)}***${m.slice(-4)}`;

const STEP_OF_TASK: Record<string, RegistrationStatus> = {
  [USER_TASKS.applicantData]: 'applicant-data',
  [USER_TASKS.enterOtp]: 'otp',
  [USER_TASKS.review]: 'under-review',
};

/**
 * What the form shows: the step the process waits in, why it came back, and what was entered (never the password).
 * The step is where the engine is: the user task open for the registration's business key; none open
 * means the workers are on it ("verifying"), unless the request has closed or reached the review.
 * Given a row (the applicant's hook read it for this request), that row is shown; given an id, the row is read.
 * Given the open tasks (a step's wait has just asked the engine for them), the engine is not asked again.
 */
export function createRegistrationView(db: Db, engine: ProcessEngine, config: Config) {
  const registrations = createRegistrationsRepo(db);
  const applicantData = createApplicantDataRepo(db);
  const letters = createLettersRepo(db);
  const codes = createOneTimeCodesRepo(db);
  const accounts = createAccountsRepo(db);
  return async function view(registration: RegistrationRef, known: { open?: OpenTask[] } = {}) {
    const reg = typeof registration === 'string' ? await registrations.get(registration) : registration;
    if (!reg) throw notFound();
    const id = reg.id;
    const closed = CLOSED_STATUSES.includes(reg.status);
    // A closed request shows its outcome only: what was entered is no longer the applicant's page to show.
    const stored = closed ? undefined : await applicantData.get(id);
    const { passwordHash: _omit, birthDateGregorian: _g, ...data } = stored ?? ({} as NonNullable<typeof stored>);
    const letter = closed ? undefined : await letters.meta(id);
    // Under review the step is that whatever the engine holds (the review task, or the account being made).
    const [open] = closed || reg.status === 'under-review' ? [] : (known.open ?? (await engine.openTasks(id)));
    // Between the review's decision and the close (account, notices) the request is still under review.
    const between: RegistrationStatus = reg.status === 'under-review' ? 'under-review' : 'verifying';
    const status: RegistrationStatus = closed
      ? reg.status
      : open
        ? (STEP_OF_TASK[open.taskDefinitionKey] ?? between)
        : between;
    const task = open && open.taskDefinitionKey !== USER_TASKS.review ? open : undefined;
    const timeout = task?.taskDefinitionKey === USER_TASKS.enterOtp ? config.OTP_TIMEOUT : config.APPLICANT_TIMEOUT;

    const messages = [];
    if (reg.return_reason && isMessageCode(reg.return_reason) && ['applicant-data', 'otp'].includes(status)) {
      messages.push(message(reg.return_reason, 'error'));
    }
    if (status === 'under-review') messages.push(message('under_review', 'info'));
    if (reg.status === 'registered') messages.push(message('registered', 'info'));
    if (reg.status === 'expired')
      messages.push(message(reg.outcome_reason === 'restore' ? 'lost_in_restore' : 'expired', 'error'));
    if (reg.status === 'rejected') messages.push(message('rejected', 'error'));

    let otp;
    if (status === 'otp' && stored) {
      const code = await codes.current(id);
      otp = {
        sentTo: maskMobile(stored.mobile),
        expiresAt: iso(code?.expires_at),
        resendAvailableAt: iso(
          code?.sent_at ? new Date(new Date(code.sent_at).getTime() + config.OTP_RESEND_COOLDOWN_SECONDS * 1000) : null,
        ),
        wrongAttempts: reg.otp_wrong_count,
        maxWrongAttempts: config.OTP_MAX_WRONG,
      };
    }
    const account = reg.status === 'registered' ? await accounts.byRegistration(id) : undefined;
    // The reviewer's own words, when given, are plain text here: the page sets them as text, never as markup.
    const reason =
      reg.status === 'rejected' && reg.outcome_reason
        ? rejectionReasonText(reg.outcome_reason as RejectionReason, reg.rejection_text)
        : undefined;
    return {
      id: reg.id,
      trackingCode: reg.tracking_code,
      step: status,
      expiresAt: task ? dueAt(task.created, timeout).toISOString() : null,
      messages,
      data: stored ? data : null,
      letter: letter ?? null,
      ...(otp ? { otp } : {}),
      ...(account ? { username: account.username } : {}),
      ...(reason ? { rejection: { reason: reg.outcome_reason, text: reason } } : {}),
    };
  };
}

export type RegistrationView = Awaited<ReturnType<ReturnType<typeof createRegistrationView>>>;
