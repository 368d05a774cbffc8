import { durationMs } from './iso-duration.js';

/**
 * The retention policy: how long what the process collects is kept, and what is kept for good.
 * Kept: every registration row with its status, outcome and times (the supervisor's figures are
 * computed from them), the audit log, and a registered agency's account with its registration's
 * data, which the account needs while it lives. Removed: the personal data and the letter of an
 * unsuccessful request some time after it closed; the hashes of captchas and codes once nothing can
 * check them any more; sessions once they ended; the name a certificate request carried (common name and
 * the issued certificate, which holds it) once the request ended, and a bound certificate's subject once
 * it was unbound — each RETENTION_UNSUCCESSFUL later, as for a request that did not succeed: while a
 * request runs the CA needs the name, and while a binding is active the login shows whose certificate it
 * is. Pure: the purge reads the clock and the database.
 */
export interface RetentionPolicy {
  /** ISO-8601 whole days (RETENTION_UNSUCCESSFUL): personal data and letters of rejected and expired requests, after they closed. */
  unsuccessful: string;
  /** ISO-8601 (RETENTION_CODES): captchas, one-time codes, entered codes, submitted captcha answers. */
  codes: string;
  /**
   * ISO-8601 whole days (RETENTION_CERTIFICATE_DOCUMENTS): the registration office's archive of a certificate
   * request — scanned identity documents, the applicant's identity, the CSR, the holder's name — after the
   * request closed, as the CA's practice statement asks. Not the engine's history, which holds ids only.
   */
  certificateDocuments: string;
}

/** The requests whose personal data is not needed once the retention period after their close has passed. */
export const UNSUCCESSFUL_STATUSES = ['rejected', 'expired'] as const;

/** What the purge removes, one audit row each, named for what was removed (never for whom). */
export const PURGE_KINDS = [
  'applicant_data',
  'letters',
  'captchas',
  'one_time_codes',
  'otp_entries',
  'submissions',
  'sessions',
  'certificate_request_names',
  'certificate_binding_subjects',
  'certificate_documents',
  'certificate_applicants',
] as const;
type PurgeKind = (typeof PURGE_KINDS)[number];
export type PurgeCounts = Record<PurgeKind, number>;

export interface PurgeCutoffs {
  /** Unsuccessful requests closed before this lose their personal data and letter. */
  closedBefore: Date;
  /**
   * Captchas that expired, codes and entries made, before this go; those a check may still read
   * (the code in force of an open request, a submission not checked yet) stay until the request closes.
   */
  codesBefore: Date;
  /** Sessions that expired or were ended before this go: nothing accepts them any more. */
  sessionsEndedBefore: Date;
  /** Certificate requests closed before this lose their archive: documents, identity, CSR and name. */
  certificateClosedBefore: Date;
}

export function purgeCutoffs(policy: RetentionPolicy, now: Date): PurgeCutoffs {
  const before = (iso: string) => new Date(now.getTime() - durationMs(iso));
  return {
    closedBefore: before(policy.unsuccessful),
    codesBefore: before(policy.codes),
    sessionsEndedBefore: now,
    certificateClosedBefore: before(policy.certificateDocuments),
  };
}

/**
 * The engine's history time to live, in days, for every process: the policy's longest period. The
 * engine's history holds ids and outcome codes only, but it is the record of the same requests, and
 * a request's trace should not outlive its data.
 */
export function historyTimeToLiveDays(policy: RetentionPolicy): number {
  const days = [policy.unsuccessful, policy.codes].map((iso) => durationMs(iso) / 86_400_000);
  return Math.ceil(Math.max(...days));
}

export const noPurge = (): PurgeCounts => Object.fromEntries(PURGE_KINDS.map((k) => [k, 0])) as PurgeCounts;
