import { subjectLine } from '../../adapters/certificates/csr.js';
import { TaskGoneError, type ProcessEngine } from '../../adapters/engine/process-engine.js';
import { RA_TASK } from '../../adapters/engine/process-model.js';
import type { Config } from '../../config/config.js';
import { createAuditRepo } from '../../db/audit-repo.js';
import { createCertificateDocumentsRepo } from '../../db/certificate-documents-repo.js';
import { createCertificateRequestsRepo, type CertificateRequestRow } from '../../db/certificate-requests-repo.js';
import type { Db } from '../../db/knex.js';
import { commonNameOf, type CertificateForm } from '../../domain/certificate-request-form.js';
import type { CertificateKind } from '../../domain/certificate-kind.js';
import {
  isRaRejectionReason,
  isRevocationReason,
  REVOCATION_REASONS,
  type RevocationReason,
} from '../../domain/ra-decision.js';
import type { StaffPrincipal } from '../auth/staff-auth.js';
import { AppError, notFound, type FieldProblem } from '../errors/app-error.js';
import { createCertificateRequestService } from './certificate-request-service.js';
import { checkCsr, checkIntake, type UploadedFile } from './ra-intake.js';

const OPEN = ['received', 'checking'];

/** The row's form as the intake checked it, to hold a renewal's CSR against the certificate it replaces. */
const formOf = (r: CertificateRequestRow): CertificateForm => ({
  kind: r.kind as CertificateKind,
  role: r.role ?? '',
  organization: r.organization ?? '',
  agencyNationalId: r.agency_national_id ?? '',
  nationalCode: r.applicant_national_code ?? '',
  firstName: r.applicant_first_name ?? '',
  lastName: r.applicant_last_name ?? '',
  mobile: r.applicant_mobile ?? '',
});

/**
 * The registration office's desk (role ra-clerk or admin): file a request, see it with its documents and
 * CSR, decide it (the same event as Tasklist's form), download the issued certificate once, and ask for
 * a renewal or a revocation of what was issued. Each action is audited under the clerk's name.
 */
export function createRaDesk({
  db,
  engine,
  config,
  now,
}: {
  db: Db;
  engine: ProcessEngine;
  config: Config;
  now: () => Date;
}) {
  const requests = createCertificateRequestsRepo(db);
  const documents = createCertificateDocumentsRepo(db);
  const audit = createAuditRepo(db);
  const service = createCertificateRequestService({ db, engine, publicBaseUrl: config.PUBLIC_BASE_URL });
  const actor = (staff: StaffPrincipal) => `staff:${staff.username}`;
  const existing = async (id: string) => {
    const r = await requests.get(id);
    if (!r) throw notFound();
    return r;
  };

  return {
    async file(staff: StaffPrincipal, fields: Record<string, string>, files: UploadedFile[]) {
      const { form, scanned, csr } = await checkIntake(fields, files, config.LETTER_MAX_PAGES);
      return service.submit(
        {
          action: 'issue',
          kind: form.kind,
          commonName: commonNameOf(form),
          organization: form.organization,
          agencyNationalId: form.agencyNationalId,
          role: form.role,
          applicant: {
            nationalCode: form.nationalCode,
            firstName: form.firstName,
            lastName: form.lastName,
            mobile: form.mobile,
          },
          csr,
          filedBy: staff.username,
        },
        scanned,
        actor(staff),
      );
    },

    list: (open: boolean) => requests.list(open),

    /** Opening an open request tells the applicant it is being checked. */
    async detail(staff: StaffPrincipal, id: string) {
      const r = await existing(id);
      if (r.status === 'received') await requests.update(id, { status: 'checking' });
      await audit.record({ actor: actor(staff), action: 'certificate_request_viewed', detail: { requestId: id } });
      const target = r.target_serial ? await requests.byIssuedSerial(r.target_serial) : undefined;
      return {
        id: r.id,
        trackingCode: r.tracking_code,
        status: r.status === 'received' ? 'checking' : r.status,
        action: r.action,
        kind: r.kind,
        role: r.role,
        organization: r.organization,
        agencyNationalId: r.agency_national_id,
        applicant: {
          nationalCode: r.applicant_national_code ?? target?.applicant_national_code ?? null,
          firstName: r.applicant_first_name ?? target?.applicant_first_name ?? null,
          lastName: r.applicant_last_name ?? target?.applicant_last_name ?? null,
          mobile: r.applicant_mobile ?? target?.applicant_mobile ?? null,
        },
        csr: r.csr_subject ? { subject: r.csr_subject, key: r.csr_key } : null,
        documents: (await documents.list(id)).map((d) => ({
          id: d.id,
          kind: d.kind,
          fileName: d.file_name,
          mimeType: d.mime_type,
        })),
        documentsPurged: r.documents_purged_at !== null,
        targetSerial: r.target_serial,
        targetTrackingCode: target?.tracking_code ?? null,
        rejectionReason: r.rejection_reason,
        revocationReason: r.revocation_reason,
        certificate: r.issued_serial
          ? { serialNumber: r.issued_serial, downloaded: r.certificate_downloaded_at !== null }
          : null,
        createdAt: r.created_at.toISOString(),
        open: OPEN.includes(r.status),
      };
    },

    async document(staff: StaffPrincipal, id: string, documentId: string) {
      const d = await documents.get(id, documentId);
      if (!d) throw notFound();
      await audit.record({
        actor: actor(staff),
        action: 'certificate_document_viewed',
        detail: { requestId: id, documentId },
      });
      return d;
    },

    /** Completes the RA task with the form's variables; workers/ra-decision-record.ts stores it either way. */
    async decide(staff: StaffPrincipal, id: string, decision: unknown, reason: unknown) {
      if (decision !== 'approve' && decision !== 'reject')
        throw new AppError('validation_failed', 422, [{ field: 'decision', code: 'decision_invalid' }]);
      if (decision === 'reject' && !isRaRejectionReason(reason))
        throw new AppError('validation_failed', 422, [{ field: 'reason', code: 'rejection_reason_required' }]);
      const r = await existing(id);
      const [task] = await engine.openTasks(id, [RA_TASK]);
      if (!task) throw new AppError('request_closed', 409, [], { status: r.status });
      try {
        await engine.completeTask(
          task.id,
          decision === 'reject'
            ? { raDecision: 'reject', raRejectionReason: reason as string }
            : { raDecision: 'approve' },
        );
      } catch (err) {
        if (err instanceof TaskGoneError) throw new AppError('request_closed', 409, [], { status: r.status });
        throw err;
      }
      await requests.update(id, { decided_by: staff.username });
      await audit.record({
        actor: actor(staff),
        action: 'certificate_request_decision_submitted',
        detail: { requestId: id, decision, reason: decision === 'reject' ? (reason as string) : null },
      });
      return { decision };
    },

    /**
     * The certificate and its chain, PEM, to load onto the token: once. The row is marked in the same
     * statement that finds it unmarked, so two clicks cannot both receive it.
     */
    async download(staff: StaffPrincipal, id: string) {
      const r = await existing(id);
      if (!r.issued_certificate_pem) throw new AppError('certificate_not_issued', 409);
      const taken = await db('certificate_requests')
        .where({ id })
        .whereNull('certificate_downloaded_at')
        .update({ certificate_downloaded_at: now() });
      if (!taken) throw new AppError('certificate_already_downloaded', 410);
      await audit.record({
        actor: actor(staff),
        action: 'certificate_downloaded',
        detail: { requestId: id, serialNumber: r.issued_serial },
      });
      return {
        fileName: `certificate-${r.tracking_code}.pem`,
        pem: `${r.issued_certificate_pem.trim()}\n${(r.issued_chain_pem ?? '').trim()}\n`,
      };
    },

    /** A new CSR from the token for the same subject; the clerk checks it again, then the old certificate is superseded. */
    async renew(staff: StaffPrincipal, id: string, files: UploadedFile[]) {
      const r = await changeable(id);
      const problems: FieldProblem[] = [];
      const csr = await checkCsr(
        files.find((f) => f.field === 'csr'),
        formOf(r),
        problems,
      );
      if (problems.length > 0 || !csr) throw new AppError('validation_failed', 422, problems);
      return once(
        service.submit(
          {
            action: 'renew',
            ...aboutIssued(r),
            csr: { der: csr.der, subject: subjectLine(csr.subject), key: csr.key },
            filedBy: staff.username,
          },
          [],
          actor(staff),
        ),
      );
    },

    async revoke(staff: StaffPrincipal, id: string, reason: unknown) {
      if (!isRevocationReason(reason) || reason === 'superseded')
        throw new AppError('validation_failed', 422, [{ field: 'reason', code: 'revocation_reason_invalid' }]);
      const r = await changeable(id);
      return once(
        service.submit(
          {
            action: 'revoke',
            ...aboutIssued(r),
            revocationReason: REVOCATION_REASONS[reason as RevocationReason],
            filedBy: staff.username,
          },
          [],
          actor(staff),
        ),
      );
    },
  };

  /** What a renewal or revocation repeats of the request whose certificate it changes. */
  function aboutIssued(r: Awaited<ReturnType<typeof changeable>>) {
    return {
      kind: r.kind,
      commonName: r.common_name,
      organization: r.organization ?? undefined,
      agencyNationalId: r.agency_national_id ?? undefined,
      role: r.role ?? undefined,
      targetSerial: r.issued_serial!,
    };
  }

  /** A second revocation or renewal filed at the same moment meets the one-open-change index: the same 409. */
  async function once<T>(submit: Promise<T>): Promise<T> {
    try {
      return await submit;
    } catch (e) {
      if ((e as { code?: string }).code === '23505') throw new AppError('certificate_not_revocable', 409);
      throw e;
    }
  }

  /** An issued certificate not revoked, with no revocation or renewal of it under way. */
  async function changeable(id: string) {
    const r = await existing(id);
    if (!r.issued_serial) throw new AppError('certificate_not_issued', 409);
    if (r.status === 'revoked' || (await requests.openChangeOf(r.issued_serial)))
      throw new AppError('certificate_not_revocable', 409);
    return r;
  }
}

export type RaDesk = ReturnType<typeof createRaDesk>;
