import { fa } from '../js/digits.js';

/**
 * The card's steps in Persian, by element id, for the tables (the diagram itself shows the model's own names,
 * which carry the same step numbers). An element the page does not know is shown by its model name.
 */
export const ELEMENT_FA = {
  Start_RegistrationRequested: '۱–۲ · درخواست ثبت‌نام دستگاه اجرایی',
  Gateway_BackToStep3: 'بازگشت به مرحله ۳',
  Task_ApplicantData: '۳–۵ · ورود اطلاعات، معرفی‌نامه، گذرواژه و کد امنیتی',
  Task_CheckCaptcha: '۶ · بررسی کد امنیتی',
  Gateway_CaptchaCorrect: '۶ · کد امنیتی درست است؟',
  Task_CheckLetterSignature: '۳-۲ · بررسی امضای الکترونیکی معرفی‌نامه',
  Gateway_LetterSignature: '۳-۲ · امضا معتبر یا نامه بی‌امضا؟',
  Task_CivilRegistry: '۷ · استعلام ثبت احوال از PGSB',
  Gateway_CivilRegistryMatch: '۷-۳ · ثبت احوال: مطابقت؟',
  Task_Shahkar: '۸ · استعلام شاهکار از PGSB',
  Gateway_ShahkarMatch: '۸-۳ · شاهکار: مطابقت؟',
  Gateway_IssueCode: 'کد تازه',
  Task_SendOtp: '۹ · ۹-۱ · ساخت و پیامک کد یک‌بارمصرف',
  Task_EnterOtp: '۹-۲ · ورود کد دریافتی',
  Gateway_OtpAction: 'کد وارد شد یا کد تازه خواسته شد؟',
  Task_CheckOtp: '۹-۳ · بررسی کد',
  Gateway_OtpCorrect: '۹-۳ · کد درست است؟',
  Call_Review: '۱۰ · بررسی درخواست ثبت‌نام دستگاه',
  Gateway_Approved: '۱۱ · هویت و معرفی‌نامه تأیید شد؟',
  Task_CreateAccount: '۱۱ · ساخت نام کاربری دستگاه',
  Task_NotifyRegistered: '۱۲ · پیامک تأیید با نام کاربری',
  Task_CloseRegistered: 'ثبت: ثبت‌نام موفق',
  End_Registered: 'ثبت‌نام موفق',
  Task_NotifyRejected: 'اطلاع رد درخواست به متقاضی',
  Task_CloseRejected: 'ثبت: ثبت‌نام ناموفق (رد)',
  End_Rejected: 'ثبت‌نام ناموفق (رد)',
  Gateway_Expired: 'پایان مهلت متقاضی',
  Task_CloseExpired: 'ثبت: ثبت‌نام ناموفق (پایان مهلت)',
  End_Expired: 'ثبت‌نام ناموفق (پایان مهلت)',
  Timer_ApplicantDataTimeout: 'مهلت متقاضی',
  Timer_OtpTimeout: 'مهلت ورود کد',
  Start_ReviewRequested: '۱۰ · درخواست بررسی',
  Task_Review: '۱۰–۱۱ · بررسی هویت نماینده و معرفی‌نامه',
  Task_RecordDecision: 'ثبت تصمیم بررسی',
  End_Reviewed: 'بررسی انجام شد',
  Timer_ReviewReminder: 'انتظار بیش از زمان یادآوری',
  Task_RemindReviewers: 'یادآوری به کارشناسان',
  End_Reminded: 'یادآوری فرستاده شد',
};

export const FLOW_FA = {
  Flow_CaptchaWrong: '۶-۱ · کد امنیتی نادرست: بازگشت به ۳',
  Flow_LetterSignatureRefused: '۳-۲ · امضای نامعتبر: بازگشت به ۳',
  Flow_CivilRegistryNoMatch: '۷-۳ · عدم مطابقت ثبت احوال: بازگشت به ۳',
  Flow_ShahkarNoMatch: '۸-۳ · عدم مطابقت شاهکار: بازگشت به ۳',
  Flow_OtpWrong: '۹-۴ · کد نادرست: کد تازه',
  Flow_OtpExhausted: '۹-۴ · سه بار کد نادرست: بازگشت به ۳',
  Flow_AgencyHeld: '۹-۳ · دستگاه در درخواست دیگری: بازگشت به ۳',
  Flow_OtpResend: 'درخواست کد تازه',
  Flow_ApplicantDataExpired: 'پایان مهلت تکمیل فرم',
  Flow_OtpExpired: 'پایان مهلت ورود کد',
  Flow_Approved: 'تأیید',
  Flow_Rejected: 'رد',
};

export const SYSTEM_FA = {
  pgsb: 'گذرگاه خدمات دولت (PGSB)',
  civil_registry: 'ثبت احوال (از راه PGSB)',
  shahkar: 'شاهکار (از راه PGSB)',
  sms: 'سامانه پیامک',
  mail: 'رایانامه',
  ca: 'مرکز صدور گواهی',
  other: 'داخلی',
};

export const KIND_FA = {
  review: 'بررسی کارشناس، بیش از زمان یادآوری',
  'applicant-data': 'تکمیل فرم متقاضی، نزدیک پایان مهلت',
  otp: 'ورود کد تأیید، نزدیک پایان مهلت',
};

export const PROCESS_FA = {
  'agency-registration': 'ثبت‌نام دستگاه اجرایی',
  'agency-registration-review': 'بررسی درخواست ثبت‌نام',
};

export const elementName = (e) => ELEMENT_FA[e.id] ?? e.name ?? e.id;
export const flowName = (f) => FLOW_FA[f.id] ?? null;

/** A share as a Persian percentage: «۲۰٪». */
export const percentText = (share) => (share === null || share === undefined ? '—' : `${fa(Math.round(share * 100))}٪`);

const decimal = (n) => fa(n.toFixed(1)).replace('.', '٫');

/** A time in the fewest characters, for the diagram: «۰٫۳ث»، «۴۵ث»، «۱۲د»، «۳٫۵س»، «۲٫۱ر». */
export function compactDuration(ms) {
  if (ms === null || ms === undefined) return '—';
  const s = ms / 1000;
  if (s < 10) return `${decimal(s)}ث`;
  if (s < 60) return `${fa(Math.round(s))}ث`;
  if (s < 3600) return `${fa(Math.round(s / 60))}د`;
  if (s < 86_400) return `${decimal(s / 3600)}س`;
  return `${decimal(s / 86_400)}ر`;
}

/** A time for the tables: under a minute in seconds with a decimal (a gateway takes milliseconds), else as the reports page says it. */
export const timeText = (ms, durationText) =>
  ms === null || ms === undefined ? '—' : ms < 60_000 ? `${decimal(ms / 1000)} ثانیه` : durationText(ms / 1000);
