/**
 * The registration office's decisions on a certificate request, and what the applicant's status page
 * says of each: codes only; the clerk's reason is one of a fixed list, so nothing personal is written.
 */
export const RA_REJECTION_REASONS = [
  'identity_not_proven',
  'documents_invalid',
  'csr_not_from_token',
  'not_authorized_by_agency',
] as const;
export type RaRejectionReason = (typeof RA_REJECTION_REASONS)[number];

export const RA_REJECTION_TEXT: Record<RaRejectionReason, { fa: string; en: string }> = {
  identity_not_proven: {
    fa: 'هویت متقاضی با مدارک شناسایی احراز نشد',
    en: "the applicant's identity was not proven by the documents",
  },
  documents_invalid: {
    fa: 'مدارک ارائه‌شده با استانداردهای مرکز صدور گواهی مطابقت ندارد',
    en: "the documents do not meet the CA's standards",
  },
  csr_not_from_token: {
    fa: 'درخواست گواهی (CSR) از توکن متقاضی تولید نشده است',
    en: "the certificate signing request was not made by the applicant's token",
  },
  not_authorized_by_agency: {
    fa: 'دستگاه اجرایی متقاضی را برای این سمت معرفی نکرده است',
    en: 'the agency has not named the applicant for this role',
  },
};

export const isRaRejectionReason = (s: unknown): s is RaRejectionReason =>
  (RA_REJECTION_REASONS as readonly unknown[]).includes(s);

/**
 * RFC 5280's CRLReason codes a registration office asks for (5.3.1); the CRL carries the code. A renewal
 * revokes the replaced certificate as superseded (4).
 */
export const REVOCATION_REASONS = {
  unspecified: 0,
  keyCompromise: 1,
  affiliationChanged: 3,
  superseded: 4,
  cessationOfOperation: 5,
} as const;
export type RevocationReason = keyof typeof REVOCATION_REASONS;
export const isRevocationReason = (s: unknown): s is RevocationReason =>
  typeof s === 'string' && Object.hasOwn(REVOCATION_REASONS, s);

/** The request's state as the applicant may read it; `approved` (at the CA) reads as still being checked. */
export type RequestStatus = 'received' | 'checking' | 'approved' | 'issued' | 'rejected' | 'revoked';
export type PublicStatus = 'received' | 'checking' | 'issued' | 'rejected' | 'revoked';
export const publicStatus = (s: RequestStatus): PublicStatus => (s === 'approved' ? 'checking' : s);

export const PUBLIC_STATUS_TEXT: Record<PublicStatus, { fa: string; en: string }> = {
  received: { fa: 'درخواست در دفتر ثبت‌نام دریافت شد', en: 'the request was received by the registration office' },
  checking: { fa: 'مدارک و درخواست در حال بررسی است', en: 'the documents and the request are being checked' },
  issued: { fa: 'گواهی صادر شد', en: 'the certificate was issued' },
  rejected: { fa: 'درخواست رد شد', en: 'the request was rejected' },
  revoked: { fa: 'گواهی باطل شد', en: 'the certificate was revoked' },
};
