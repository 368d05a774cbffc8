import { readCsr, subjectLine, type CsrFacts } from '../../adapters/certificates/csr.js';
import {
  subjectMismatches,
  validateCertificateForm,
  type CertificateForm,
} from '../../domain/certificate-request-form.js';
import type { MessageCode } from '../../domain/messages.js';
import { AppError, type FieldProblem } from '../errors/app-error.js';
import { inspectLetter, type LetterProblem } from '../registrations/letter-content.js';
import type { ScannedDocument } from './certificate-request-service.js';

/** The scanned documents the clerk attaches, each under its own field: the national card is required. */
const DOCUMENT_FIELDS = ['nationalCard', 'birthCertificate', 'agencyLetter'] as const;
type DocumentField = (typeof DOCUMENT_FIELDS)[number];
const REQUIRED_DOCUMENTS: readonly DocumentField[] = ['nationalCard'];

export interface UploadedFile {
  field: string;
  fileName: string | null;
  content: Buffer;
}

const DOCUMENT_PROBLEM: Record<LetterProblem, MessageCode> = {
  letter_type: 'document_type',
  letter_unreadable: 'document_unreadable',
  letter_encrypted: 'document_encrypted',
  letter_too_many_pages: 'document_too_many_pages',
  letter_image_too_large: 'document_image_too_large',
};

/** The documents, each checked as the introduction letter is (type from the content, then opened as that type). */
async function checkDocuments(files: UploadedFile[], maxPages: number, problems: FieldProblem[]) {
  const scanned: ScannedDocument[] = [];
  for (const field of DOCUMENT_FIELDS) {
    const file = files.find((f) => f.field === field);
    if (!file || file.content.length === 0) {
      if (REQUIRED_DOCUMENTS.includes(field)) problems.push({ field, code: 'document_missing' });
      continue;
    }
    const inspected = await inspectLetter(file.content, maxPages);
    if (!inspected.ok) problems.push({ field, code: DOCUMENT_PROBLEM[inspected.code] });
    else scanned.push({ kind: field, fileName: file.fileName, mimeType: inspected.value, content: file.content });
  }
  return scanned;
}

/** The CSR parses, has a strong key, proves possession of it, and names whom the form names (when the form holds). */
export async function checkCsr(
  file: UploadedFile | undefined,
  form: CertificateForm | null,
  problems: FieldProblem[],
): Promise<CsrFacts | null> {
  if (!file || file.content.length === 0) {
    problems.push({ field: 'csr', code: 'csr_missing' });
    return null;
  }
  const csr = await readCsr(file.content);
  if (!csr.ok) {
    problems.push({ field: 'csr', code: csr.code });
    return null;
  }
  if (form) {
    const wrong = subjectMismatches(form, csr.value.subject);
    if (wrong.length > 0) {
      problems.push({ field: 'csr', code: 'csr_subject_mismatch' });
      for (const field of wrong) if (field !== 'csr') problems.push({ field, code: 'csr_subject_mismatch' });
    }
  }
  return csr.value;
}

/**
 * The clerk's request as received: every field, document and the CSR checked, every problem named at
 * once (422 validation_failed with the fields), before anything is written.
 */
export async function checkIntake(fields: Record<string, string>, files: UploadedFile[], maxPages: number) {
  const problems: FieldProblem[] = [];
  const form = validateCertificateForm(fields);
  if (!form.ok) for (const e of form.errors) problems.push({ field: e.field, code: e.code });
  const scanned = await checkDocuments(files, maxPages, problems);
  const csr = await checkCsr(
    files.find((f) => f.field === 'csr'),
    form.ok ? form.value : null,
    problems,
  );
  if (problems.length > 0 || !form.ok || !csr) throw new AppError('validation_failed', 422, problems);
  return { form: form.value, scanned, csr: { der: csr.der, subject: subjectLine(csr.subject), key: csr.key } };
}
