/** What the page calls the API's codes, in Persian. */
export const KINDS = {
  'individual-independent': 'فرد مستقل',
  'individual-non-government': 'فرد وابسته به سازمان غیردولتی',
  'seal-non-government': 'مهر سازمانی غیردولتی',
  'individual-government': 'فرد وابسته به دستگاه دولتی',
  'seal-government': 'مهر سازمانی دولتی',
};
export const STATUS = {
  received: 'دریافت‌شده',
  checking: 'در حال بررسی',
  approved: 'تأییدشده، در انتظار صدور',
  issued: 'صادرشده',
  rejected: 'ردشده',
  revoked: 'باطل‌شده',
};
export const ACTIONS = { issue: 'صدور', renew: 'تمدید', revoke: 'ابطال' };
export const DOCUMENTS = {
  nationalCard: 'کارت ملی',
  birthCertificate: 'شناسنامه',
  agencyLetter: 'معرفی‌نامهٔ دستگاه',
};
export const REVOCATION = {
  keyCompromise: 'افشای کلید خصوصی یا گم شدن توکن',
  affiliationChanged: 'تغییر سمت یا جدا شدن از دستگاه',
  cessationOfOperation: 'پایان کار یا انحلال واحد',
  unspecified: 'بدون ذکر علت',
};
