import { createHash, randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { Logger } from 'pino';
import type { ZeebeClient } from '../../adapters/camunda/camunda-client.js';
import { PROCESS_ID } from '../../adapters/camunda/process-model.js';
import type { Config } from '../../config/config.js';
import { createApplicantDataRepo } from '../../db/applicant-data-repo.js';
import { createAuditRepo } from '../../db/audit-repo.js';
import type { Db } from '../../db/knex.js';
import { CLOSED_STATUSES, createRegistrationsRepo, type RegistrationRow } from '../../db/registrations-repo.js';
import { validateApplicantData, type RawApplicantData } from '../../domain/applicant-data.js';
import { AppError, notFound, unauthorized } from '../errors/app-error.js';
import { hashAccessToken, newAccessToken, tokenMatches } from './access-token.js';

export const LETTER_MAX_BYTES = 5 * 1024 * 1024;
const LETTER_TYPES = new Set(['application/pdf', 'image/jpeg', 'image/png']);

export interface ServiceDeps { db: Db; zeebe: ZeebeClient; config: Config; logger: Logger; now: () => Date }

/** Card steps 1–3-2: starting a registration, saving what the applicant enters, and the letter. */
export function createRegistrationService({ db, zeebe, config, now }: ServiceDeps) {
  const registrations = createRegistrationsRepo(db);
  const applicantData = createApplicantDataRepo(db);
  const audit = createAuditRepo(db);

  async function requireOpen(id: string, status?: RegistrationRow['status']) {
    const reg = await registrations.get(id);
    if (!reg) throw notFound();
    if (CLOSED_STATUSES.includes(reg.status)) throw new AppError(reg.status === 'expired' ? 'expired' : 'conflict', 409, [], { status: reg.status });
    if (status && reg.status !== status) throw new AppError('conflict', 409, [], { status: reg.status });
    return reg;
  }

  return {
    requireOpen,

    async authenticate(id: string, token: string | undefined) {
      const reg = await registrations.get(id);
      if (!reg) throw notFound();
      if (!token || !tokenMatches(token, reg.access_token_hash)) throw unauthorized();
      return reg;
    },

    /** Card steps 1–2. The instance starts only after the row exists; if it cannot start, the row goes. */
    async start() {
      const id = randomUUID();
      const token = newAccessToken();
      await registrations.create({ id, accessTokenHash: hashAccessToken(token) });
      try {
        const instance = await zeebe.createProcessInstance({
          bpmnProcessId: PROCESS_ID,
          variables: { registrationId: id, applicantTimeout: config.APPLICANT_TIMEOUT, otpTimeout: config.OTP_TIMEOUT, reviewReminder: config.REVIEW_REMINDER },
        });
        await registrations.update(id, { process_instance_key: instance.processInstanceKey });
        await audit.record({ registrationId: id, actor: 'applicant', action: 'registration_started', detail: { processInstanceKey: instance.processInstanceKey } });
      } catch (err) {
        await db('registrations').where({ id }).delete();
        throw err;
      }
      return { id, token };
    },

    /** Card step 3, as often as the applicant corrects it; refused once the request has left step 3. */
    async saveApplicantData(id: string, raw: RawApplicantData) {
      await requireOpen(id, 'applicant-data');
      const result = validateApplicantData(raw, now());
      if (!result.ok) throw new AppError('validation_failed', 422, result.errors);
      const data = result.value;
      const busy = await db('registrations').where({ agency_national_id: data.agencyNationalId }).whereNot({ id })
        .whereNotIn('status', CLOSED_STATUSES as string[]).first('id');
      if (busy) throw new AppError('agency_has_open_request', 409, [{ field: 'agencyNationalId', code: 'agency_has_open_request' }]);
      const account = await db('accounts').where({ agency_national_id: data.agencyNationalId, status: 'active' }).first('id');
      if (account) throw new AppError('agency_has_account', 409, [{ field: 'agencyNationalId', code: 'agency_has_account' }]);
      await db.transaction(async (trx) => {
        await applicantData.save(id, data, trx);
        await registrations.update(id, { agency_national_id: data.agencyNationalId }, trx);
        await audit.record({ registrationId: id, actor: 'applicant', action: 'applicant_data_saved' }, trx);
      });
    },

    /** Card step 3-2. The type is read from the content, not from the name or the header the client sent. */
    async saveLetter(id: string, content: Buffer, fileName?: string) {
      await requireOpen(id, 'applicant-data');
      if (content.length > LETTER_MAX_BYTES) throw new AppError('letter_too_large', 413);
      const type = await fileTypeFromBuffer(content);
      if (!type || !LETTER_TYPES.has(type.mime)) throw new AppError('letter_type', 415);
      const sha256 = createHash('sha256').update(content).digest('hex');
      const row = { content, sha256, mime_type: type.mime, size_bytes: content.length, file_name: fileName?.slice(0, 255) ?? null, uploaded_at: now() };
      await db.transaction(async (trx) => {
        await trx('letters').insert({ registration_id: id, ...row }).onConflict('registration_id').merge();
        await audit.record({ registrationId: id, actor: 'applicant', action: 'letter_uploaded', detail: { sha256, mimeType: type.mime, sizeBytes: content.length } }, trx);
      });
      return { sha256, mimeType: type.mime, sizeBytes: content.length };
    },
  };
}

export type RegistrationService = ReturnType<typeof createRegistrationService>;
