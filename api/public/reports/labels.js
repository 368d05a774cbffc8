import { fa } from '../js/digits.js';

/** The report's names in Persian, in the order the charts and the table show them. */
export const REASONS = [
  ['captcha', 'کد امنیتی'],
  ['civil_registry', 'ثبت احوال'],
  ['shahkar', 'شاهکار'],
  ['otp', 'کد تأیید'],
  ['rejected', 'رد در بررسی'],
  ['expired', 'پایان مهلت'],
];
export const PHASES = [
  ['applicant', 'تکمیل فرم'],
  ['verification', 'استعلام'],
  ['review', 'بررسی کارشناس'],
];
export const OUTCOMES = [
  ['successful', 'موفق', '#1d7148'],
  ['unsuccessful', 'ناموفق', '#b3261e'],
  ['open', 'باز', '#8a99a6'],
];
export const FIGURE_NAMES = {
  started: 'شروع‌شده',
  successful: 'موفق',
  open: 'باز',
  ...Object.fromEntries(REASONS.map(([k, v]) => [k, `ناموفق: ${v}`])),
};
export const STATUS = {
  'applicant-data': 'تکمیل فرم',
  verifying: 'استعلام',
  otp: 'کد تأیید',
  'under-review': 'در دست بررسی',
  registered: 'ثبت‌شده',
  rejected: 'ردشده',
  expired: 'پایان مهلت',
};

export const unsuccessfulOf = (p) => Object.values(p.unsuccessful).reduce((a, b) => a + b, 0);

/** A median in the largest units that read well: «۴۵ ثانیه»، «۱۲ دقیقه»، «۳ ساعت و ۵ دقیقه»، «۲ روز و ۴ ساعت». */
export function durationText(seconds) {
  if (seconds === null || seconds === undefined) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${fa(s)} ثانیه`;
  const m = Math.round(s / 60);
  if (m < 60) return `${fa(m)} دقیقه`;
  const [h, mm] = [Math.floor(m / 60), m % 60];
  if (h < 24) return mm ? `${fa(h)} ساعت و ${fa(mm)} دقیقه` : `${fa(h)} ساعت`;
  const [d, hh] = [Math.floor(h / 24), h % 24];
  return hh ? `${fa(d)} روز و ${fa(hh)} ساعت` : `${fa(d)} روز`;
}
