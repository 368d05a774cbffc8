import type { ProcessEngine } from '../../adapters/engine/process-engine.js';
import { USER_TASKS } from '../../adapters/engine/process-model.js';
import type { Config } from '../../config/config.js';
import { createApplicantDataRepo } from '../../db/applicant-data-repo.js';
import type { Db } from '../../db/knex.js';
import { createLetterSignatureChecksRepo } from '../../db/letter-signature-checks-repo.js';
import { createLettersRepo } from '../../db/letters-repo.js';
import { createRegistrationsRepo, type RegistrationRow } from '../../db/registrations-repo.js';
import { notFound } from '../errors/app-error.js';
import { dueAt, iso } from '../instants.js';

/**
 * What a reviewer needs to decide (card 10–11): the agency, the representative, what the civil
 * registry and Shahkar answered, and the letter. Only requests that reached review are shown:
 * reviewers have no business with a form still being filled in.
 */
export function createReviewDetail(db: Db, engine: ProcessEngine, config: Config) {
  const registrations = createRegistrationsRepo(db);
  const letters = createLettersRepo(db);

  async function reviewed(id: string) {
    const reg = await registrations.get(id);
    if (!reg?.review_started_at) throw notFound();
    return reg;
  }

  async function latestInquiry(id: string, service: 'civil-registry' | 'shahkar') {
    const row = await db('inquiries')
      .where({ registration_id: id, service })
      .orderBy([
        { column: 'at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .first('outcome', 'at');
    return row ? { outcome: row.outcome as string, at: iso(row.at) } : null;
  }

  /**
   * The other requests that named the same agency, so competing ones are seen side by side: their ids,
   * steps and times only — whoever filed them, reviewers open a request itself to see its person.
   */
  async function otherRequests(reg: RegistrationRow) {
    if (!reg.agency_national_id) return [];
    const rows = await registrations.forAgency(reg.agency_national_id);
    return rows
      .filter((r) => r.id !== reg.id)
      .map((r) => ({
        registrationId: r.id,
        status: r.status,
        startedAt: iso(r.created_at)!,
        submittedAt: iso(r.submitted_at),
        verifiedAt: iso(r.verified_at),
        closedAt: iso(r.closed_at),
      }));
  }

  /** What step 3-2's check found about the letter now stored; null before any check ran. */
  async function letterSignature(id: string, sha256: string | undefined) {
    const row = sha256 ? await createLetterSignatureChecksRepo(db).latest(id, sha256) : undefined;
    if (!row) return null;
    return {
      outcome: row.outcome,
      format: row.format,
      signer: row.signer,
      organization: row.organization,
      agencyNationalId: row.agency_national_id,
      role: row.role,
      kind: row.kind,
      issuer: row.issuer,
      serialNumber: row.serial_number,
      notBefore: iso(row.not_before),
      notAfter: iso(row.not_after),
      signingTime: iso(row.signing_time),
      revocation: row.revocation,
      revokedAt: iso(row.revoked_at),
      checkedAt: iso(row.checked_at)!,
    };
  }

  return {
    async detail(id: string) {
      const reg = await reviewed(id);
      const data = await createApplicantDataRepo(db).get(id);
      const [task] = await engine.openTasks(id, [USER_TASKS.review]);
      const letter = await letters.meta(id);
      return {
        registrationId: reg.id,
        trackingCode: reg.tracking_code,
        status: reg.status,
        review: {
          open: Boolean(task),
          startedAt: iso(reg.review_started_at),
          decidedAt: iso(reg.decided_at),
          dueAt: task ? iso(dueAt(task.created, config.REVIEW_REMINDER)) : null,
          rejectionReason: reg.status === 'rejected' ? reg.outcome_reason : null,
          rejectionText: reg.status === 'rejected' ? reg.rejection_text : null,
          dataRemovedAt: iso(reg.purged_at),
        },
        agency: { name: data?.agencyName ?? null, nationalId: data?.agencyNationalId ?? reg.agency_national_id },
        representative: data
          ? {
              nationalCode: data.nationalCode,
              firstName: data.firstName,
              lastName: data.lastName,
              fatherName: data.fatherName,
              birthDate: data.birthDate,
              birthCertificateNumber: data.birthCertificateNumber,
              mobile: data.mobile,
              email: data.email,
              position: data.representativePosition,
            }
          : null,
        inquiries: {
          civilRegistry: await latestInquiry(id, 'civil-registry'),
          shahkar: await latestInquiry(id, 'shahkar'),
        },
        letter: letter ?? null,
        letterSignature: await letterSignature(id, letter?.sha256),
        otherRequests: await otherRequests(reg),
      };
    },

    async letter(id: string) {
      await reviewed(id);
      const row = await letters.content(id);
      if (!row) throw notFound();
      return {
        content: row.content,
        mimeType: row.mime_type,
        fileName: row.file_name ?? null,
        sha256: row.sha256,
        sizeBytes: row.size_bytes,
      };
    },
  };
}
