import { randomInt } from 'node:crypto';
import { legalEntityIdCheckDigit } from '../../domain/legal-entity-id.js';
import { nationalCodeCheckDigit } from '../../domain/national-code.js';

const digits = (n: number) => Array.from({ length: n }, () => randomInt(0, 10)).join('');

/** A national code with a right check digit, different in every test so tests never collide. */
export function newNationalCode(): string {
  const nine = `1${digits(8)}`;
  return `${nine}${nationalCodeCheckDigit(nine)}`;
}

export function newAgencyNationalId(): string {
  const ten = `14${digits(8)}`;
  return `${ten}${legalEntityIdCheckDigit(ten)}`;
}

export const newMobile = () => `0912${digits(7)}`;

/** Step-3 data for a fresh applicant; the civil registry and Shahkar know them unless a test says otherwise. */
export function newApplicant(overrides: Record<string, string> = {}) {
  return {
    nationalCode: newNationalCode(),
    mobile: newMobile(),
    firstName: 'محمد',
    lastName: 'رضایی',
    fatherName: 'علی',
    birthCertificateNumber: '1234',
    birthDate: '1370/01/15',
    email: `rep${digits(6)}@agency.example.ir`,
    agencyName: 'سازمان نمونه',
    agencyNationalId: newAgencyNationalId(),
    representativePosition: 'مدیر فناوری اطلاعات',
    ...overrides,
  };
}

/** A small PDF that opens, with one blank A4 page: the letter is parsed at upload, so one without a page is refused. */
export const letterPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n' +
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
