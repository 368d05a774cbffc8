import { Type } from '@sinclair/typebox';
import { extractPdfSignature } from '../adapters/certificates/pdf-signature.js';
import type { SignatureCheck } from '../adapters/certificates/check-signature.js';
import { createAuditRepo } from '../db/audit-repo.js';
import { createLetterSignatureChecksRepo } from '../db/letter-signature-checks-repo.js';
import { createLettersRepo } from '../db/letters-repo.js';
import { createRegistrationsRepo } from '../db/registrations-repo.js';
import type { LetterSignatureOutcome } from '../domain/signature-outcome.js';
import { defineWorker } from './support/define-worker.js';
import type { WorkerDeps } from './support/worker-deps.js';
import { WorkerError } from './support/worker-error.js';
import { TOPICS } from '../adapters/engine/process-model.js';

const OUTCOMES = [
  'valid',
  'not_signed',
  'bad_signature',
  'expired',
  'untrusted_chain',
  'revoked',
  'key_usage',
  'wrong_kind',
  'other_organization',
] as const;

type Found = {
  format: 'embedded' | 'detached' | null;
  check: SignatureCheck | { outcome: 'not_signed' | 'bad_signature'; signer: null };
};

type StoredLetter = {
  content: Buffer;
  signature: Buffer | null;
  mime_type: string;
  uploaded_at: Date;
  signature_received_at: Date | null;
};

/**
 * The letter's signature, wherever it is: the detached `.p7s` uploaded with it, else one embedded in the
 * PDF; a scan has none. The certificate is judged at the signature's receipt by our clock (the `.p7s`'s
 * upload, or the PDF's): the signing time in the CMS is the signer's word, and an expired certificate
 * would back-date it. The receipt, not the check: the check waits for the submission and may be retried
 * after an incident, and a signature we held while its certificate was valid stays what it was.
 */
async function checkLetter(letter: StoredLetter, agencyNationalId: string, deps: WorkerDeps): Promise<Found> {
  const expect = { kinds: ['seal-government'] as const, agencyNationalId };
  if (letter.signature) {
    const at = new Date(letter.signature_received_at ?? letter.uploaded_at);
    return {
      format: 'detached',
      check: await deps.signatures.check(letter.signature, letter.content, { ...expect, at }),
    };
  }
  if (letter.mime_type !== 'application/pdf') return { format: null, check: { outcome: 'not_signed', signer: null } };
  const embedded = await extractPdfSignature(letter.content);
  if (!embedded) return { format: null, check: { outcome: 'not_signed', signer: null } };
  // Bytes outside the signed range (added after signing) are bytes nobody signed.
  if (embedded === 'uncovered') return { format: 'embedded', check: { outcome: 'bad_signature', signer: null } };
  const at = new Date(letter.uploaded_at);
  return {
    format: 'embedded',
    check: await deps.signatures.check(embedded.cms, embedded.signedBytes, { ...expect, at }),
  };
}

/**
 * Card step 3-2, before the checks over PGSB and the review: a letter signed with the agency's
 * government organizational-seal certificate is verified (signature over the letter's bytes, validity
 * and chain at its receipt, CRL, key usage, kind, organization). Unsigned: on to review, marked so. A
 * failed signature: back to step 3 with the reason. The CRL unreachable throws: retries, then an
 * incident, never "valid".
 */
export const letterSignatureCheckWorker = defineWorker({
  topic: TOPICS.letterSignatureCheck,
  input: Type.Object({ registrationId: Type.String() }),
  output: Type.Object({ signatureOutcome: Type.Union(OUTCOMES.map((o) => Type.Literal(o))) }),
  async handle(task, deps) {
    const { db } = deps;
    const { registrationId } = task.variables;
    const checks = createLetterSignatureChecksRepo(db);
    const done = await checks.byTask(task.id);
    if (done) return { signatureOutcome: done.outcome };
    const registration = await createRegistrationsRepo(db).get(registrationId);
    if (!registration?.agency_national_id)
      throw new WorkerError(WorkerError.APPLICANT_DATA_MISSING, 'no agency for the registration', false);
    const letter = await createLettersRepo(db).signed(registrationId);
    if (!letter) throw new WorkerError(WorkerError.APPLICANT_DATA_MISSING, 'no letter for the registration', false);
    const { format, check } = await checkLetter(letter, registration.agency_national_id, deps);
    const outcome: LetterSignatureOutcome = check.outcome;
    return db.transaction(async (trx) => {
      await checks.save(
        { registrationId, taskId: task.id, letterSha256: letter.sha256, outcome, format, signer: check.signer },
        trx,
      );
      if (outcome !== 'valid' && outcome !== 'not_signed') {
        await createRegistrationsRepo(db).setStatus(
          registrationId,
          'applicant-data',
          { return_reason: `letter_${outcome}` },
          trx,
        );
      }
      await createAuditRepo(db).record(
        {
          registrationId,
          actor: 'worker:letter-signature-check',
          action: 'letter_signature_checked',
          detail: { outcome, format },
        },
        trx,
      );
      return { signatureOutcome: outcome };
    });
  },
});
