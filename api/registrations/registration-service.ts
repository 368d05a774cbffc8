import { createHash, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { ProcessEngine } from '../../adapters/engine/process-engine.js';
import type { ProgressFeed } from '../../adapters/progress/registration-progress.js';
import { PROCESS_ID } from '../../adapters/engine/process-model.js';
import type { Config } from '../../config/config.js';
import { createAccountsRepo } from '../../db/accounts-repo.js';
import { createApplicantDataRepo } from '../../db/applicant-data-repo.js';
import { createAuditRepo } from '../../db/audit-repo.js';
import type { Db, Tx } from '../../db/knex.js';
import { createLettersRepo } from '../../db/letters-repo.js';
import { createRegistrationsRepo, type RegistrationRow } from '../../db/registrations-repo.js';
import { validateApplicantData, type RawApplicantData } from '../../domain/applicant-data.js';
import { newSessionToken } from '../auth/session-token.js';
import { AppError, notFound, unauthorized } from '../errors/app-error.js';
import { hashAccessToken, tokenEnded, tokenMatches } from './access-token.js';
import { inspectLetter } from './letter-content.js';
import { timed } from '../timing/server-timing.js';
import { isCmsSignedData, SIGNATURE_MAX_BYTES } from './signature-content.js';
import { assertOpen, openRegistration, type RegistrationRef } from './open-registration.js';
import { createStalledStepRecovery } from './stalled-step.js';

export const LETTER_MAX_BYTES = 5 * 1024 * 1024;

export interface ServiceDeps {
  db: Db;
  engine: ProcessEngine;
  config: Config;
  logger: Logger;
  now: () => Date;
  /** The workers' announcements that a registration moved on, which end a wait for the next step early. */
  progress: ProgressFeed;
}

/** Card steps 1–3-2: starting a registration, saving what the applicant enters, and the letter. */
export function createRegistrationService({ db, engine, config, now }: ServiceDeps) {
  const registrations = createRegistrationsRepo(db);
  const applicantData = createApplicantDataRepo(db);
  const audit = createAuditRepo(db);
  const accounts = createAccountsRepo(db);
  const letters = createLettersRepo(db);
  const recoverStalledStep = createStalledStepRecovery(db, engine);

  /** Checked again under a row lock as the write happens: a time limit may have closed the request since the request began. */
  async function stillOpen(id: string, trx: Tx) {
    const current = await registrations.getForUpdate(id, trx);
    if (!current) throw notFound();
    assertOpen(current, 'applicant-data');
  }

  return {
    /** The registration row behind an id and its bearer token (404 unknown, 401 wrong or ended token). */
    async authenticate(id: string, token: string | undefined) {
      const reg = await registrations.get(id);
      if (!reg) throw notFound();
      if (!token || !tokenMatches(token, reg.access_token_hash)) throw unauthorized();
      if (tokenEnded(reg, now(), config.APPLICANT_TOKEN_GRACE)) throw unauthorized();
      // Every applicant request passes here, so a step a stopped API left half-handed-over is put right first.
      return recoverStalledStep(reg);
    },

    /** The applicant leaves: the token ends at once; the request goes on, or closes, as it would have. */
    async leave(reg: RegistrationRow) {
      await db.transaction(async (trx) => {
        await registrations.update(reg.id, { access_token_revoked_at: now() }, trx);
        await audit.record(
          { registrationId: reg.id, actor: 'applicant', action: 'applicant_left', detail: { status: reg.status } },
          trx,
        );
      });
    },

    /** Card steps 1–2. The instance starts only after the row exists; if it cannot start, the row goes. */
    async start() {
      const id = randomUUID();
      const token = newSessionToken();
      await registrations.create({ id, accessTokenHash: hashAccessToken(token) });
      try {
        // The business key is the registration id, so Cockpit and Tasklist find the request by it.
        const instance = await timed('engine', () =>
          engine.start(PROCESS_ID, id, {
            registrationId: id,
            applicantTimeout: config.APPLICANT_TIMEOUT,
            otpTimeout: config.OTP_TIMEOUT,
            reviewReminder: config.REVIEW_REMINDER,
          }),
        );
        await registrations.update(id, { process_instance_id: instance.id });
        await audit.record({
          registrationId: id,
          actor: 'applicant',
          action: 'registration_started',
          detail: { processInstanceId: instance.id },
        });
      } catch (err) {
        await db('registrations').where({ id }).delete();
        throw err;
      }
      return { id, token };
    },

    /** Card step 3, as often as the applicant corrects it; refused once the request has left step 3. */
    async saveApplicantData(registration: RegistrationRef, raw: RawApplicantData) {
      const { id } = await openRegistration(registrations, registration, 'applicant-data');
      const result = validateApplicantData(raw, now());
      if (!result.ok) throw new AppError('validation_failed', 422, result.errors);
      const data = result.value;
      // Only a verified request holds the agency; one still being filled in holds nothing (the otp-check decides who was first).
      if (await registrations.holderOf(data.agencyNationalId, id))
        throw new AppError('agency_has_open_request', 409, [
          { field: 'agencyNationalId', code: 'agency_has_open_request' },
        ]);
      const account = await accounts.activeForAgency(data.agencyNationalId);
      if (account)
        throw new AppError('agency_has_account', 409, [{ field: 'agencyNationalId', code: 'agency_has_account' }]);
      await db.transaction(async (trx) => {
        await stillOpen(id, trx);
        await applicantData.save(id, data, trx);
        await registrations.update(id, { agency_national_id: data.agencyNationalId }, trx);
        await audit.record({ registrationId: id, actor: 'applicant', action: 'applicant_data_saved' }, trx);
      });
    },

    /**
     * Card step 3-2. The type is read from the content, not from the name or the header the client sent,
     * and the file must open as what it is (letter-content.ts): 415 for another type, 422 for the rest.
     */
    async saveLetter(registration: RegistrationRef, content: Buffer, fileName?: string) {
      const { id } = await openRegistration(registrations, registration, 'applicant-data');
      if (content.length > LETTER_MAX_BYTES) throw new AppError('letter_too_large', 413);
      const inspected = await inspectLetter(content, config.LETTER_MAX_PAGES);
      if (!inspected.ok)
        throw new AppError(
          inspected.code,
          inspected.code === 'letter_type' ? 415 : 422,
          inspected.code === 'letter_type' ? [] : [{ field: 'letter', code: inspected.code }],
        );
      const mimeType = inspected.value;
      const sha256 = createHash('sha256').update(content).digest('hex');
      const letter = {
        content,
        sha256,
        mimeType,
        sizeBytes: content.length,
        fileName: fileName?.slice(0, 255) ?? null,
        uploadedAt: now(),
      };
      await db.transaction(async (trx) => {
        await stillOpen(id, trx);
        await letters.save(id, letter, trx);
        await audit.record(
          {
            registrationId: id,
            actor: 'applicant',
            action: 'letter_uploaded',
            detail: { sha256, mimeType, sizeBytes: content.length },
          },
          trx,
        );
      });
      return { sha256, mimeType, sizeBytes: content.length };
    },

    /**
     * Card step 3-2, a signed letter: the detached CMS (.p7s) over the letter uploaded before it. It is
     * checked at step 3-2's service task (the signature, chain, CRL, kind, organization); here only that it is one.
     */
    async saveLetterSignature(registration: RegistrationRef, content: Buffer) {
      const { id } = await openRegistration(registrations, registration, 'applicant-data');
      if (content.length > SIGNATURE_MAX_BYTES) throw new AppError('letter_too_large', 413);
      if (!isCmsSignedData(content)) throw new AppError('letter_signature_type', 415);
      const sha256 = createHash('sha256').update(content).digest('hex');
      await db.transaction(async (trx) => {
        await stillOpen(id, trx);
        if (!(await letters.saveSignature(id, content, now(), trx)))
          throw new AppError('letter_signature_no_letter', 409);
        await audit.record(
          { registrationId: id, actor: 'applicant', action: 'letter_signature_uploaded', detail: { sha256 } },
          trx,
        );
      });
    },
  };
}

export type RegistrationService = ReturnType<typeof createRegistrationService>;
