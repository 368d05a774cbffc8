import { UNSUCCESSFUL_STATUSES, type PurgeCutoffs } from '../domain/retention.js';
import type { Db, Tx } from './knex.js';

/**
 * The deletes of the retention policy (domain/retention.ts), each returning how many rows went.
 * Rows a running check may still read are spared: the code in force and the entries and submissions
 * not checked yet of a request that is still open.
 */
export function createRetentionRepo(db: Db) {
  const openRequest = (trx: Tx | Db, table: string) =>
    trx('registrations')
      .select(1)
      .whereRaw('registrations.id = ??', [`${table}.registration_id`])
      .whereNull('registrations.closed_at');

  return {
    /**
     * Unsuccessful requests closed before the cutoff: their applicant data, letter, code hashes and the
     * reviewer's free text are removed and the request is marked `purged_at`; the row itself stays for the figures.
     */
    async purgeUnsuccessful(cutoffs: PurgeCutoffs, now: Date, trx: Tx) {
      const ids = (await trx('registrations')
        .whereIn('status', UNSUCCESSFUL_STATUSES as unknown as string[])
        .where('closed_at', '<', cutoffs.closedBefore)
        .whereNull('purged_at')
        .forUpdate()
        .pluck('id')) as string[];
      // One array parameter, not one parameter per id: PostgreSQL takes at most 65,535 per statement, and the
      // first run after a pause (or a year of history at scale) finds more requests than that.
      const del = (table: string) =>
        ids.length ? trx(table).whereRaw('registration_id = any(?::uuid[])', [ids]).delete() : Promise.resolve(0);
      // What the letter's signature said of its signer goes with the letter (counted as the letter).
      await del('letter_signature_checks');
      const counts = {
        applicant_data: await del('applicant_data'),
        letters: await del('letters'),
        one_time_codes: await del('one_time_codes'),
        otp_entries: await del('otp_entries'),
        submissions: await del('submissions'),
      };
      // The reviewer's own words may name people; the reason code stays for the figures.
      if (ids.length)
        await trx('registrations')
          .whereRaw('id = any(?::uuid[])', [ids])
          .update({ purged_at: now, rejection_text: null });
      return counts;
    },

    async purgeCaptchas(cutoffs: PurgeCutoffs, trx: Tx) {
      return trx('captchas').where('expires_at', '<', cutoffs.codesBefore).delete();
    },

    /** Codes replaced or used, and any code of a closed request; the newest code of an open request may still be checked. */
    async purgeOneTimeCodes(cutoffs: PurgeCutoffs, trx: Tx) {
      return trx('one_time_codes')
        .where('created_at', '<', cutoffs.codesBefore)
        .where((q) => {
          q.whereNotNull('superseded_at')
            .orWhereNotNull('consumed_at')
            .orWhereNotExists(openRequest(trx, 'one_time_codes'));
        })
        .delete();
    },

    async purgeOtpEntries(cutoffs: PurgeCutoffs, trx: Tx) {
      return trx('otp_entries')
        .where('created_at', '<', cutoffs.codesBefore)
        .where((q) => {
          q.whereNotNull('outcome').orWhereNotExists(openRequest(trx, 'otp_entries'));
        })
        .delete();
    },

    /** A submission keeps the HMAC of the captcha answer until step 6 has checked it. */
    async purgeSubmissions(cutoffs: PurgeCutoffs, trx: Tx) {
      return trx('submissions')
        .where('created_at', '<', cutoffs.codesBefore)
        .where((q) => {
          q.whereNotNull('captcha_outcome').orWhereNotExists(openRequest(trx, 'submissions'));
        })
        .delete();
    },

    /** Certificate requests made before the cutoff that still carry a name: those whose process ended long enough ago lose it. */
    async namedCertificateRequests(cutoffs: PurgeCutoffs) {
      return (
        db('certificate_requests')
          .where('created_at', '<', cutoffs.closedBefore)
          .whereNot('common_name', '')
          // A request the office archived (identity and documents) keeps its name as long as its archive.
          .where((q) => {
            void q.whereNull('applicant_national_code').orWhereNotNull('documents_purged_at');
          })
          .select<{ id: string; process_instance_id: string | null }[]>('id', 'process_instance_id')
      );
    },

    /** The name and the issued certificate (which holds it) go; the serial stays, so a later revocation still finds it. */
    async purgeCertificateRequestNames(ids: string[], trx: Tx) {
      if (!ids.length) return 0;
      return trx('certificate_requests')
        .whereIn('id', ids)
        .whereNot('common_name', '')
        .update({ common_name: '', issued_certificate_pem: null });
    },

    /**
     * The registration office's archive of certificate requests closed before the cutoff: the scanned
     * documents go, and the applicant's identity, the CSR and the holder's name with them; the row stays
     * (tracking code, status, serials, dates) as the record of what was issued and revoked.
     */
    async purgeCertificateArchives(cutoffs: PurgeCutoffs, now: Date, trx: Tx) {
      const ids = (await trx('certificate_requests')
        .where('closed_at', '<', cutoffs.certificateClosedBefore)
        .whereNull('documents_purged_at')
        .forUpdate()
        .pluck('id')) as string[];
      if (!ids.length) return { certificate_documents: 0, certificate_applicants: 0 };
      const documents = await trx('certificate_request_documents').whereIn('request_id', ids).delete();
      const applicants = await trx('certificate_requests').whereIn('id', ids).update({
        documents_purged_at: now,
        applicant_national_code: null,
        applicant_first_name: null,
        applicant_last_name: null,
        applicant_mobile: null,
        csr_der: null,
        csr_subject: null,
        common_name: '',
        issued_certificate_pem: null,
        issued_chain_pem: null,
      });
      return { certificate_documents: documents, certificate_applicants: applicants };
    },

    /** An unbound certificate's subject (a person's name); the fingerprint, serial and issuer stay as the record. */
    async purgeCertificateBindingSubjects(cutoffs: PurgeCutoffs, trx: Tx) {
      return trx('certificate_bindings')
        .where('unbound_at', '<', cutoffs.closedBefore)
        .whereNot('subject', '')
        .update({ subject: '' });
    },

    async purgeSessions(cutoffs: PurgeCutoffs, trx: Tx) {
      return trx('auth_sessions')
        .where((q) => {
          q.where('expires_at', '<', cutoffs.sessionsEndedBefore).orWhere(
            'revoked_at',
            '<',
            cutoffs.sessionsEndedBefore,
          );
        })
        .delete();
    },
  };
}
