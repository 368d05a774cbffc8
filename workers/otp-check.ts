import { Type } from '@sinclair/typebox';
import { createAccountsRepo } from '../db/accounts-repo.js';
import { createApplicantDataRepo } from '../db/applicant-data-repo.js';
import { createAuditRepo } from '../db/audit-repo.js';
import { createOneTimeCodesRepo } from '../db/one-time-codes-repo.js';
import type { Db, Tx } from '../db/knex.js';
import { createRegistrationsRepo, type RegistrationRow } from '../db/registrations-repo.js';
import { evaluateOtpHashAttempt } from '../domain/one-time-code.js';
import { reviewLink } from '../domain/review-link.js';
import { defineWorker } from './support/define-worker.js';
import { WorkerError } from './support/worker-error.js';
import { TOPICS } from '../adapters/engine/process-model.js';

const OUTCOMES = ['accepted', 'wrong', 'exhausted', 'agency_held'] as const;
/**
 * An accepted code also names the case for the staff who review it: the agency (an organization's name,
 * never a person's), the tracking code and the link to the request on the reviewers' page. The review
 * task's name shows the first two; Tasklist's filters list them as columns.
 */
const CaseLabel = {
  agencyName: Type.Optional(Type.String({ minLength: 1 })),
  trackingCode: Type.Optional(Type.String({ minLength: 1 })),
  reviewUrl: Type.Optional(Type.String({ minLength: 1 })),
};
const Output = Type.Object({
  otpOutcome: Type.Union(OUTCOMES.map((o) => Type.Literal(o))),
  otpWrongCount: Type.Integer(),
  ...CaseLabel,
});
type OtpOutcome = (typeof OUTCOMES)[number];
type Out = {
  otpOutcome: OtpOutcome;
  otpWrongCount: number;
  agencyName?: string;
  trackingCode?: string;
  reviewUrl?: string;
};

const isUniqueViolation = (e: unknown, constraint: string) =>
  (e as { code?: string; constraint?: string }).code === '23505' &&
  (e as { constraint?: string }).constraint === constraint;

/**
 * Verifies the request, which from then on holds its agency and waits for the reviewers (step 10);
 * or says why it cannot: the agency has its account, or another request was verified first. The
 * write runs in a savepoint, so a request verified a moment ago (its index entry) fails it alone.
 */
async function holdAgency(db: Db, trx: Tx, registration: RegistrationRow, at: Date) {
  const agency = registration.agency_national_id;
  if (agency && (await createAccountsRepo(db).activeForAgency(agency, trx))) return 'agency_has_account' as const;
  try {
    await trx.transaction((sp) =>
      createRegistrationsRepo(db).setStatus(
        registration.id,
        'under-review',
        { verified_at: at, review_started_at: at },
        sp,
      ),
    );
    return null;
  } catch (e) {
    if (isUniqueViolation(e, 'registrations_one_verified_per_agency')) return 'agency_has_open_request' as const;
    throw e;
  }
}

/** What the staff see the case by; the agency's name is an organization's, the only name that enters the engine. */
async function caseLabel(db: Db, trx: Tx, registration: RegistrationRow, publicBaseUrl: string) {
  const data = await createApplicantDataRepo(db).get(registration.id, trx);
  return {
    agencyName: data?.agencyName || 'دستگاه بی‌نام',
    trackingCode: registration.tracking_code,
    reviewUrl: reviewLink(publicBaseUrl, registration.id),
  };
}

/**
 * Card steps 9-3 and 9-4. Wrong entries are counted per round, across codes (a new code does not
 * reset the count); the round's last allowed wrong entry sends the applicant back to step 3.
 *
 * A right code verifies the representative, and from then on the request holds its agency (migration
 * 006's index: one verified open request per agency). If another request was verified first, or the
 * agency got its account meanwhile, this one does not go on to the review as a duplicate: it goes back
 * to step 3 (`agency_held`) saying why, and the first one keeps the agency.
 */
export const otpCheckWorker = defineWorker({
  topic: TOPICS.otpCheck,
  input: Type.Object({ registrationId: Type.String(), otpEntryId: Type.String() }),
  output: Output,
  async handle(task, { db, config, now }) {
    const { registrationId, otpEntryId } = task.variables;
    const registrations = createRegistrationsRepo(db);
    const codes = createOneTimeCodesRepo(db);
    return db.transaction(async (trx): Promise<Out> => {
      const registration = await registrations.getForUpdate(registrationId, trx);
      const entry = await trx('otp_entries').where({ id: otpEntryId, registration_id: registrationId }).first();
      if (!registration || !entry)
        throw new WorkerError(WorkerError.OTP_ENTRY_NOT_FOUND, 'code entry not found', false);
      // Answered before (the completion was lost): the same answer again, the case's label included.
      if (entry.outcome) {
        const outcome = entry.outcome as OtpOutcome;
        const again = outcome === 'accepted' ? await caseLabel(db, trx, registration, config.PUBLIC_BASE_URL) : {};
        return { otpOutcome: outcome, otpWrongCount: registration.otp_wrong_count, ...again };
      }

      const code = await codes.current(registrationId, trx);
      if (!code) throw new WorkerError(WorkerError.NO_OPEN_CODE, 'no code was issued', false);
      const decision = evaluateOtpHashAttempt(
        {
          storedHash: code.code_hash,
          expiresAt: new Date(code.expires_at),
          consumedAt: code.consumed_at,
          attempts: registration.otp_wrong_count,
          maxAttempts: config.OTP_MAX_WRONG,
        },
        entry.code_hash,
        now(),
      );

      let otpOutcome: OtpOutcome;
      let wrongCount = registration.otp_wrong_count;
      if (decision === 'accepted') {
        await codes.markConsumed(code.id, now(), trx);
        await registrations.update(registrationId, { return_reason: null, otp_wrong_count: 0 }, trx);
        const held = await holdAgency(db, trx, registration, now());
        otpOutcome = held ? 'agency_held' : 'accepted';
        if (held) await registrations.setStatus(registrationId, 'applicant-data', { return_reason: held }, trx);
      } else {
        wrongCount = decision === 'exhausted' ? config.OTP_MAX_WRONG : wrongCount + 1;
        otpOutcome = wrongCount >= config.OTP_MAX_WRONG ? 'exhausted' : 'wrong';
        const reason =
          otpOutcome === 'exhausted' ? 'otp_exhausted' : decision === 'expired' ? 'otp_expired' : 'otp_invalid';
        // Back at step 3 a new round begins, with a fresh count.
        const patch = { return_reason: reason, otp_wrong_count: otpOutcome === 'exhausted' ? 0 : wrongCount };
        if (otpOutcome === 'exhausted') await registrations.setStatus(registrationId, 'applicant-data', patch, trx);
        else await registrations.update(registrationId, patch, trx);
      }
      await trx('otp_entries').where({ id: otpEntryId }).update({ outcome: otpOutcome });
      const named = otpOutcome === 'accepted' ? await caseLabel(db, trx, registration, config.PUBLIC_BASE_URL) : {};
      await createAuditRepo(db).record(
        {
          registrationId,
          actor: 'worker:otp-check',
          action: 'otp_checked',
          detail: { outcome: otpOutcome, decision, wrongCount },
        },
        trx,
      );
      return { otpOutcome, otpWrongCount: wrongCount, ...named };
    });
  },
});
