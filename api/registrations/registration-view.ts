import { USER_TASKS } from '../../adapters/camunda/process-model.js';
import type { Config } from '../../config/config.js';
import { createApplicantDataRepo } from '../../db/applicant-data-repo.js';
import type { Db } from '../../db/knex.js';
import { createRegistrationsRepo } from '../../db/registrations-repo.js';
import { createUserTasksRepo } from '../../db/user-tasks-repo.js';
import { durationMs } from '../../domain/iso-duration.js';
import { isMessageCode, messageText, type MessageCode } from '../../domain/messages.js';
import { REJECTION_REASON_TEXT, type RejectionReason } from '../../domain/review-decision.js';
import { notFound } from '../errors/app-error.js';

const message = (id: MessageCode, type: 'error' | 'info', field?: string) => ({ id, type, ...(field ? { field } : {}), text: messageText(id) });
const maskMobile = (m: string) => `${m.slice(0, 4)}***${m.slice(-4)}`;
const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

/** What the form shows: the step the process waits in, why it came back, and what was entered (never the password). */
export function createRegistrationView(db: Db, config: Config) {
  const registrations = createRegistrationsRepo(db);
  const tasks = createUserTasksRepo(db);
  return async function view(id: string) {
    const reg = await registrations.get(id);
    if (!reg) throw notFound();
    const stored = await createApplicantDataRepo(db).get(id);
    const { passwordHash: _omit, birthDateGregorian: _g, ...data } = stored ?? ({} as NonNullable<typeof stored>);
    const letter = await db('letters').where({ registration_id: id }).first('file_name', 'mime_type', 'size_bytes', 'sha256', 'uploaded_at');
    const task = await tasks.openFor(id, [USER_TASKS.applicantData, USER_TASKS.enterOtp]);
    const timeout = task?.element_id === USER_TASKS.enterOtp ? config.OTP_TIMEOUT : config.APPLICANT_TIMEOUT;

    const messages = [];
    if (reg.return_reason && isMessageCode(reg.return_reason) && ['applicant-data', 'otp'].includes(reg.status)) {
      messages.push(message(reg.return_reason, 'error'));
    }
    if (reg.status === 'under-review') messages.push(message('under_review', 'info'));
    if (reg.status === 'registered') messages.push(message('registered', 'info'));
    if (reg.status === 'expired') messages.push(message('expired', 'error'));
    if (reg.status === 'rejected') messages.push(message('rejected', 'error'));

    let otp;
    if (reg.status === 'otp' && stored) {
      const code = await db('one_time_codes').where({ registration_id: id }).whereNull('superseded_at').orderBy('created_at', 'desc').first();
      otp = {
        sentTo: maskMobile(stored.mobile),
        expiresAt: iso(code?.expires_at),
        resendAvailableAt: iso(code?.sent_at ? new Date(new Date(code.sent_at).getTime() + config.OTP_RESEND_COOLDOWN_SECONDS * 1000) : null),
        wrongAttempts: reg.otp_wrong_count,
        maxWrongAttempts: config.OTP_MAX_WRONG,
      };
    }
    const account = reg.status === 'registered' ? await db('accounts').where({ registration_id: id }).first('username') : undefined;
    const reason = reg.status === 'rejected' && reg.outcome_reason ? REJECTION_REASON_TEXT[reg.outcome_reason as RejectionReason] : undefined;
    return {
      id: reg.id,
      step: reg.status,
      expiresAt: task ? new Date(new Date(task.created_at).getTime() + durationMs(timeout)).toISOString() : null,
      messages,
      data: stored ? data : null,
      letter: letter ? { fileName: letter.file_name, mimeType: letter.mime_type, sizeBytes: letter.size_bytes, sha256: letter.sha256, uploadedAt: iso(letter.uploaded_at) } : null,
      ...(otp ? { otp } : {}),
      ...(account ? { username: account.username as string } : {}),
      ...(reason ? { rejection: { reason: reg.outcome_reason, text: reason } } : {}),
    };
  };
}

export type RegistrationView = Awaited<ReturnType<ReturnType<typeof createRegistrationView>>>;
