import { organizationIdentifier, SUBJECT_OIDS, type CertificateKind } from './certificate-kind.js';
import { validateLegalEntityId } from './legal-entity-id.js';
import { normalizeMobile } from './mobile.js';
import { validateNationalCode } from './national-code.js';
import { normalizePersianText, validatePersonName } from './person-name.js';
import { fail, ok, type Result } from './result.js';

/**
 * The kinds this registration office issues: the two for executive-agency staff (seed 001), an
 * individual affiliated with a government body and a government organization's seal. The other three of
 * the five are the business of non-government offices; the form lists them, the office turns them away.
 */
const OFFICE_KINDS: readonly CertificateKind[] = ['individual-government', 'seal-government'];

const CERTIFICATE_FORM_FIELDS = [
  'kind',
  'role',
  'organization',
  'agencyNationalId',
  'nationalCode',
  'firstName',
  'lastName',
  'mobile',
] as const;
export type CertificateFormField = (typeof CERTIFICATE_FORM_FIELDS)[number];

type CertificateFormCode =
  | 'required'
  | 'certificate_kind_invalid'
  | 'certificate_kind_not_offered'
  | 'certificate_role_format'
  | 'agency_name_format'
  | 'legal_entity_id_format'
  | 'legal_entity_id_checksum'
  | 'national_code_format'
  | 'national_code_checksum'
  | 'name_format'
  | 'mobile_format';

export interface CertificateForm {
  kind: CertificateKind;
  role: string;
  organization: string;
  agencyNationalId: string;
  nationalCode: string;
  firstName: string;
  lastName: string;
  mobile: string;
}

const KINDS: readonly string[] = [
  'individual-independent',
  'individual-non-government',
  'seal-non-government',
  'individual-government',
  'seal-government',
];

/** A role title as it stands in the certificate (title, 2.5.4.12), Latin capitals as Setad shows it: MANAGER. */
const ROLE = /^[A-Z][A-Z0-9 _-]{1,63}$/;

function kindRule(input: string): Result<string, CertificateFormCode> {
  if (!KINDS.includes(input)) return fail('certificate_kind_invalid');
  return (OFFICE_KINDS as readonly string[]).includes(input) ? ok(input) : fail('certificate_kind_not_offered');
}

function organizationRule(input: string): Result<string, CertificateFormCode> {
  const name = normalizePersianText(input);
  return [...name].length >= 2 && [...name].length <= 200 ? ok(name) : fail('agency_name_format');
}

const RULES: Record<CertificateFormField, (input: string) => Result<string, CertificateFormCode>> = {
  kind: kindRule,
  role: (input) => (ROLE.test(input.trim()) ? ok(input.trim()) : fail('certificate_role_format')),
  organization: organizationRule,
  agencyNationalId: validateLegalEntityId,
  nationalCode: validateNationalCode,
  firstName: validatePersonName,
  lastName: validatePersonName,
  mobile: normalizeMobile,
};

export type CertificateFormResult =
  | { ok: true; value: CertificateForm }
  | { ok: false; errors: { field: CertificateFormField; code: CertificateFormCode }[] };

/** Every field checked, every problem reported at once, so the clerk corrects the form in one pass. */
export function validateCertificateForm(raw: Partial<Record<CertificateFormField, unknown>>): CertificateFormResult {
  const errors: { field: CertificateFormField; code: CertificateFormCode }[] = [];
  const values: Partial<Record<CertificateFormField, string>> = {};
  for (const field of CERTIFICATE_FORM_FIELDS) {
    const input = raw[field];
    if (typeof input !== 'string' || input.trim() === '') {
      errors.push({ field, code: 'required' });
      continue;
    }
    const result = RULES[field](input);
    if (result.ok) values[field] = result.value;
    else errors.push({ field, code: result.code });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: values as CertificateForm };
}

/** The holder's name in the certificate: the organization for a seal, the person for an individual. */
export const commonNameOf = (form: Pick<CertificateForm, 'kind' | 'organization' | 'firstName' | 'lastName'>) =>
  form.kind.startsWith('seal-') ? form.organization : `${form.firstName} ${form.lastName}`;

export interface SubjectAttribute {
  oid: string;
  value: string;
}

/** The subject the CA will write (simulators/ca/issue-certificate.ts), attribute by attribute, with the form field each comes from. */
function expectedSubject(form: CertificateForm): { oid: string; value: string; field: CertificateFormField }[] {
  return [
    { oid: SUBJECT_OIDS.organization, value: form.organization, field: 'organization' },
    {
      oid: SUBJECT_OIDS.organizationIdentifier,
      value: organizationIdentifier(form.agencyNationalId),
      field: 'agencyNationalId',
    },
    { oid: SUBJECT_OIDS.title, value: form.role, field: 'role' },
    {
      oid: SUBJECT_OIDS.commonName,
      value: commonNameOf(form),
      field: form.kind.startsWith('seal-') ? 'organization' : 'lastName',
    },
  ];
}

/**
 * The form fields whose value the CSR's subject does not carry (each attribute once, written as the
 * form has it); `csr` alone when the subject holds an attribute the certificate will not (only C=IR
 * may be added). Empty when the subject is the one the CA will issue.
 */
export function subjectMismatches(form: CertificateForm, subject: readonly SubjectAttribute[]): string[] {
  const norm = (s: string) => normalizePersianText(s.normalize('NFC'));
  const wrong = new Set<string>();
  for (const want of expectedSubject(form)) {
    const found = subject.filter((a) => a.oid === want.oid);
    if (found.length !== 1 || norm(found[0]!.value) !== norm(want.value)) wrong.add(want.field);
  }
  const known = new Set<string>(expectedSubject(form).map((a) => a.oid));
  const extra = subject.some((a) => !known.has(a.oid) && !(a.oid === SUBJECT_OIDS.country && a.value === 'IR'));
  if (extra) wrong.add('csr');
  return [...wrong];
}
