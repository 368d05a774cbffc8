import type { MessageText } from './messages.js';

/**
 * The outside system an incident names, from the code its message starts with: the workers report
 * a failure as `PGSB_TIMEOUT: …`, and the engine's incident keeps that message. One table for the
 * metrics gauge (by system) and the office's monitor (by system, with the code explained in Persian).
 */
export type IncidentSystem = 'pgsb' | 'sms' | 'mail' | 'ca' | 'other';

const SYSTEM_OF_PREFIX: Record<string, IncidentSystem> = {
  PGSB: 'pgsb',
  SMS: 'sms',
  MAIL: 'mail',
  SMTP: 'mail',
  CA: 'ca',
  CRL: 'ca',
};

/** The stable code at the start of an incident's message (`PGSB_TIMEOUT`), or null when it starts otherwise. */
export const incidentCode = (message: string): string | null => /^([A-Z][A-Z0-9_]+):/.exec(message)?.[1] ?? null;

export const incidentSystem = (message: string): IncidentSystem =>
  SYSTEM_OF_PREFIX[/^([A-Z]+)_/.exec(message)?.[1] ?? ''] ?? 'other';

/** What each code means, for the office: what failed and what to do; the rest of a message is never shown. */
const CODE_TEXTS: Record<string, MessageText> = {
  PGSB_TIMEOUT: {
    fa: 'گذرگاه خدمات دولت (PGSB) در زمان مقرر پاسخ نداد. پس از رفع مشکل، در Cockpit دوباره اجرا کنید.',
    en: 'The government service bus (PGSB) did not answer in time. Retry in Cockpit once it is mended.',
  },
  PGSB_UNAVAILABLE: {
    fa: 'گذرگاه خدمات دولت (PGSB) در دسترس نبود یا خطای موقت داد. پس از رفع مشکل، در Cockpit دوباره اجرا کنید.',
    en: 'The government service bus (PGSB) was unreachable or answered a temporary error. Retry in Cockpit once it is back.',
  },
  PGSB_UNAUTHORIZED: {
    fa: 'گذرگاه خدمات دولت (PGSB) دسترسی سامانه را نپذیرفت (توکن یا گواهی). تنظیمات اتصال را بررسی کنید.',
    en: 'The government service bus (PGSB) refused our credentials (token or certificate). Check the connection settings.',
  },
  PGSB_BAD_RESPONSE: {
    fa: 'پاسخ گذرگاه خدمات دولت (PGSB) قابل خواندن نبود. با پشتیبانی PGSB هماهنگ کنید.',
    en: 'The government service bus (PGSB) answered something unreadable. Take it up with PGSB support.',
  },
  SMS_TIMEOUT: {
    fa: 'سامانه پیامک در زمان مقرر پاسخ نداد؛ کد یا پیام ارسال نشد.',
    en: 'The SMS gateway did not answer in time; the code or notice was not sent.',
  },
  SMS_UNAVAILABLE: {
    fa: 'سامانه پیامک در دسترس نبود یا خطای موقت داد.',
    en: 'The SMS gateway was unreachable or answered a temporary error.',
  },
  SMS_REJECTED: {
    fa: 'سامانه پیامک درخواست ارسال را نپذیرفت (اعتبار، کلید یا شماره فرستنده).',
    en: 'The SMS gateway refused the message (credit, key or sender number).',
  },
  SMS_BAD_RESPONSE: {
    fa: 'پاسخ سامانه پیامک قابل خواندن نبود.',
    en: 'The SMS gateway answered something unreadable.',
  },
  MAIL_UNAVAILABLE: {
    fa: 'کارگزار رایانامه (SMTP) در دسترس نبود یا گفت بعداً تلاش شود.',
    en: 'The mail server (SMTP) was unreachable or asked to try later.',
  },
  MAIL_REJECTED: {
    fa: 'کارگزار رایانامه (SMTP) پیام را نپذیرفت.',
    en: 'The mail server (SMTP) refused the message.',
  },
  CA_UNAVAILABLE: {
    fa: 'رابط دفتر ثبت‌نام مرکز صدور گواهی (CA) در دسترس نبود یا خطا داد.',
    en: "The certificate authority's registration-office interface was unreachable or failed.",
  },
  CRL_UNREACHABLE: {
    fa: 'فهرست گواهی‌های باطل‌شده (CRL) مرکز صدور گواهی دریافت یا تأیید نشد؛ امضای معرفی‌نامه بررسی نشد.',
    en: "The CA's revocation list (CRL) could not be fetched or verified; the letter's signature was not checked.",
  },
  TRUST_ANCHORS_UNREADABLE: {
    fa: 'پرونده‌های گواهی‌های ریشه و میانی مورد اعتماد خوانده نشد (تنظیمات سامانه).',
    en: 'The trusted root and intermediate certificate files could not be read (configuration).',
  },
};

const UNKNOWN: MessageText = {
  fa: 'خطای داخلی سامانه؛ جزئیات در گزارش‌های فنی و Cockpit است.',
  en: 'An internal fault of the system; the details are in the logs and Cockpit.',
};

/** The Persian and English explanation of an incident's code; an internal one for codes of our own faults. */
export const incidentExplanation = (code: string | null): MessageText => (code && CODE_TEXTS[code]) || UNKNOWN;
