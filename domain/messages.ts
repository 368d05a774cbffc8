import type { ApplicantFieldCode } from './applicant-data.js';
import type { PasswordError } from './password-policy.js';

/** Outcomes of the process's steps and of the API, beyond the field rules. */
export const PROCESS_CODES = [
  'captcha_invalid',
  'captcha_expired',
  'captcha_required',
  'captcha_audio_used',
  'captcha_audio_unavailable',
  'civil_registry_mismatch',
  'civil_registry_deceased',
  'shahkar_mismatch',
  'otp_invalid',
  'otp_expired',
  'otp_exhausted',
  'otp_resend_too_soon',
  'rejected',
  'registered',
  'under_review',
  'otp_sent',
  'step_not_ready',
  'expired',
  'lost_in_restore',
  'letter_missing',
  'data_missing',
  'letter_too_large',
  'letter_type',
  'letter_unreadable',
  'letter_encrypted',
  'letter_too_many_pages',
  'letter_image_too_large',
  'letter_one_file',
  'letter_bad_signature',
  'letter_expired',
  'letter_untrusted_chain',
  'letter_revoked',
  'letter_key_usage',
  'letter_wrong_kind',
  'letter_other_organization',
  'letter_signature_type',
  'letter_signature_no_letter',
  'challenge_invalid',
  'certificate_invalid',
  'certificate_revoked',
  'certificate_already_bound',
  'certificate_not_bound',
  'crl_unavailable',
  'agency_has_open_request',
  'agency_has_account',
  'invalid_credentials',
  'account_locked',
  'rate_limited',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'validation_failed',
  'field_invalid',
  'bad_request',
  'unsupported_media_type',
  'request_too_large',
  'internal_error',
  'service_unavailable',
  'decision_invalid',
  'rejection_reason_required',
  'rejection_text_required',
  'rejection_text_too_long',
  'review_closed',
  'report_date_format',
  'report_range',
  'monitor_version_unknown',
  'deploy_refused',
  'model_unreadable',
  'model_unknown_process',
  'migration_invalid',
  'certificate_kind_invalid',
  'certificate_kind_not_offered',
  'certificate_role_format',
  'csr_missing',
  'csr_unreadable',
  'csr_key_algorithm',
  'csr_weak_key',
  'csr_signature',
  'csr_subject_mismatch',
  'document_missing',
  'document_too_large',
  'document_type',
  'document_unreadable',
  'document_encrypted',
  'document_too_many_pages',
  'document_image_too_large',
  'request_closed',
  'certificate_not_issued',
  'certificate_already_downloaded',
  'revocation_reason_invalid',
  'certificate_not_revocable',
] as const;
type ProcessCode = (typeof PROCESS_CODES)[number];

export type MessageCode = ApplicantFieldCode | PasswordError | ProcessCode;

export interface MessageText {
  fa: string;
  en: string;
}

// Typed as a full Record so that a code added to any rule without a text fails to compile.
const MESSAGES: Record<MessageCode, MessageText> = {
  required: { fa: 'تکمیل این بخش الزامی است.', en: 'This field is required.' },
  national_code_format: { fa: 'کد ملی باید ۱۰ رقم باشد.', en: 'The national code must be 10 digits.' },
  national_code_checksum: {
    fa: 'کد ملی واردشده معتبر نیست. لطفاً آن را با کارت ملی خود مطابقت دهید.',
    en: 'The national code is not valid. Please check it against your national ID card.',
  },
  mobile_format: {
    fa: 'شماره تلفن همراه معتبر نیست. لطفاً آن را به‌صورت ۰۹۱۲۳۴۵۶۷۸۹ وارد کنید.',
    en: 'The mobile number is not valid. Please enter it in the form 09123456789.',
  },
  name_format: {
    fa: 'لطفاً نام را با حروف فارسی و بین ۲ تا ۵۰ حرف وارد کنید.',
    en: 'Please write the name in Persian letters, between 2 and 50 characters.',
  },
  birth_certificate_number_format: {
    fa: 'شماره شناسنامه باید فقط از رقم تشکیل شده و حداکثر ۱۰ رقم باشد.',
    en: 'The birth certificate number must consist of digits only, at most 10.',
  },
  birth_date_format: {
    fa: 'لطفاً تاریخ تولد را به تاریخ شمسی و به‌صورت سال/ماه/روز وارد کنید؛ مانند ۱۳۷۰/۰۱/۱۵.',
    en: 'Please enter the date of birth in the Solar Hijri calendar as year/month/day, e.g. 1370/01/15.',
  },
  birth_date_invalid: {
    fa: 'تاریخ تولد واردشده در تقویم وجود ندارد. لطفاً آن را بررسی کنید.',
    en: 'The date of birth does not exist in the calendar. Please check it.',
  },
  birth_date_future: {
    fa: 'تاریخ تولد نمی‌تواند پس از تاریخ امروز باشد.',
    en: 'The date of birth cannot be later than today.',
  },
  birth_date_too_young: {
    fa: 'نماینده دستگاه اجرایی باید دست‌کم ۱۸ سال سن داشته باشد.',
    en: "The agency's representative must be at least 18 years old.",
  },
  birth_date_too_old: {
    fa: 'تاریخ تولد واردشده پذیرفتنی نیست. لطفاً سال تولد را بررسی کنید.',
    en: 'The date of birth is not plausible. Please check the year of birth.',
  },
  email_format: { fa: 'نشانی پست الکترونیکی معتبر نیست.', en: 'The e-mail address is not valid.' },
  agency_name_format: {
    fa: 'نام دستگاه اجرایی باید بین ۲ تا ۲۰۰ نویسه باشد.',
    en: "The agency's name must be between 2 and 200 characters.",
  },
  legal_entity_id_format: {
    fa: 'شناسه ملی دستگاه اجرایی باید ۱۱ رقم باشد.',
    en: "The agency's national ID must be 11 digits.",
  },
  legal_entity_id_checksum: {
    fa: 'شناسه ملی دستگاه اجرایی معتبر نیست. لطفاً آن را دوباره بررسی کنید.',
    en: "The agency's national ID is not valid. Please check it again.",
  },
  representative_position_format: {
    fa: 'سمت نماینده باید بین ۲ تا ۱۰۰ نویسه باشد.',
    en: "The representative's position must be between 2 and 100 characters.",
  },
  password_too_short: {
    fa: 'رمز عبور باید دست‌کم ۸ نویسه باشد.',
    en: 'The password must be at least 8 characters long.',
  },
  password_too_long: {
    fa: 'رمز عبور نباید بیش از ۱۲۸ نویسه باشد.',
    en: 'The password must not be longer than 128 characters.',
  },
  password_common: {
    fa: 'این رمز عبور بسیار رایج است و به‌آسانی حدس زده می‌شود. لطفاً رمز دیگری انتخاب کنید.',
    en: 'This password is very common and easy to guess. Please choose another one.',
  },
  password_contains_personal_data: {
    fa: 'رمز عبور نباید شامل کد ملی یا شماره تلفن همراه شما باشد.',
    en: 'The password must not contain your national code or mobile number.',
  },
  captcha_invalid: {
    fa: 'کد امنیتی درست وارد نشده است. لطفاً کد جدید را وارد کنید.',
    en: 'The security code was not entered correctly. Please enter the new code.',
  },
  captcha_expired: {
    fa: 'مهلت استفاده از کد امنیتی به پایان رسیده است. لطفاً کد جدید را وارد کنید.',
    en: 'The security code has expired. Please enter the new code.',
  },
  captcha_required: {
    fa: 'از نشانی اینترنتی شما به‌تازگی درخواست‌های زیادی ثبت شده است. برای ادامه، لطفاً کد امنیتی تصویر را وارد کنید.',
    en: 'Many requests have come from your network address lately. To continue, please enter the security code from the image.',
  },
  captcha_audio_used: {
    fa: 'صدای این کد امنیتی یک بار پخش شده است. برای شنیدن دوباره، از دکمه پخش همان صدا استفاده کنید یا کد جدید بگیرید.',
    en: 'The audio of this security code has already been served. Replay it with the player, or get a new code.',
  },
  captcha_audio_unavailable: {
    fa: 'پخش صوتی کد امنیتی اکنون ممکن نیست. لطفاً کمی بعد دوباره تلاش کنید یا کد جدید بگیرید.',
    en: 'The audio of the security code is not available right now. Please try again shortly or get a new code.',
  },
  civil_registry_mismatch: {
    fa: 'اطلاعات هویتی واردشده با اطلاعات سازمان ثبت احوال کشور مطابقت ندارد. لطفاً کد ملی، تاریخ تولد و سایر مشخصات را بررسی و اصلاح کنید.',
    en: 'The identity details do not match the records of the National Organization for Civil Registration. Please check and correct the national code, date of birth and other details.',
  },
  civil_registry_deceased: {
    fa: 'بر اساس استعلام از سازمان ثبت احوال کشور، امکان ثبت‌نام با این کد ملی وجود ندارد.',
    en: 'According to the National Organization for Civil Registration, registration with this national code is not possible.',
  },
  shahkar_mismatch: {
    fa: 'شماره تلفن همراه واردشده به نام دارنده این کد ملی ثبت نشده است. لطفاً شماره‌ای را وارد کنید که به نام خودتان است.',
    en: 'The mobile number is not registered to the holder of this national code. Please enter a number registered in your own name.',
  },
  otp_invalid: {
    fa: 'کد تأیید واردشده درست نیست. لطفاً آخرین کدی را که برایتان پیامک شده است وارد کنید.',
    en: 'The verification code is not correct. Please enter the latest code sent to you by SMS.',
  },
  otp_expired: {
    fa: 'مهلت استفاده از کد تأیید به پایان رسیده است. لطفاً کد جدید درخواست کنید.',
    en: 'The verification code has expired. Please request a new one.',
  },
  otp_exhausted: {
    fa: 'تعداد دفعات مجاز ورود کد تأیید به پایان رسیده است. لطفاً اطلاعات خود را بررسی و درخواست را دوباره ثبت کنید.',
    en: 'You have used all permitted attempts to enter the verification code. Please check your details and submit the request again.',
  },
  otp_resend_too_soon: {
    fa: 'کد تأیید به‌تازگی برایتان ارسال شده است. لطفاً پیش از درخواست کد جدید، کمی صبر کنید.',
    en: 'A verification code was sent to you a moment ago. Please wait a little before requesting a new one.',
  },
  registered: {
    fa: 'ثبت نام دستگاه انجام شد. نام کاربری به شماره همراه و نشانی ایمیل شما فرستاده شد.',
    en: 'The agency is registered. The username has been sent to your mobile number and e-mail address.',
  },
  under_review: {
    fa: 'درخواست شما ثبت شد و در دست بررسی کارشناسان دفتر فناوری اطلاعات است. نتیجه با پیامک به شما اعلام می‌شود.',
    en: 'Your request is filed and being reviewed by the IT office. You will be told the result by SMS.',
  },
  otp_sent: {
    fa: 'کد تأیید به شماره همراه شما پیامک شد.',
    en: 'A confirmation code has been sent to your mobile number by SMS.',
  },
  step_not_ready: {
    fa: 'درخواست شما در حال پردازش است. لطفاً چند لحظه بعد دوباره تلاش کنید.',
    en: 'Your request is being processed. Please try again in a moment.',
  },
  rejected: {
    fa: 'درخواست ثبت‌نام شما پس از بررسی تأیید نشد.',
    en: 'After review, your registration request was not approved.',
  },
  expired: {
    fa: 'مهلت تکمیل درخواست به پایان رسیده است. لطفاً درخواست جدیدی ثبت کنید.',
    en: 'The time allowed to complete the request has passed. Please submit a new request.',
  },
  lost_in_restore: {
    fa: 'این درخواست هنگام بازیابی سامانه از نسخه پشتیبان از دست رفت و بسته شد. پوزش می‌خواهیم؛ لطفاً از نو ثبت نام کنید.',
    en: 'This request was lost when the system was restored from a backup, and has been closed. We are sorry; please start again.',
  },
  letter_missing: {
    fa: 'لطفاً نامه معرفی نماینده دستگاه اجرایی را بارگذاری کنید.',
    en: "Please upload the letter introducing the agency's representative.",
  },
  data_missing: {
    fa: 'اطلاعات درخواست کامل نیست. لطفاً همه بخش‌های فرم را تکمیل کنید.',
    en: 'The request is incomplete. Please fill in every part of the form.',
  },
  letter_too_large: {
    fa: 'حجم فایل نامه معرفی بیش از ۵ مگابایت است. لطفاً فایل کوچک‌تری بارگذاری کنید.',
    en: 'The introduction letter file is larger than 5 MB. Please upload a smaller file.',
  },
  letter_type: {
    fa: 'قالب فایل نامه معرفی پذیرفته نیست. لطفاً نامه را به‌صورت PDF یا تصویر JPEG یا PNG بارگذاری کنید.',
    en: 'This file type is not accepted for the introduction letter. Please upload it as a PDF, or as a JPEG or PNG image.',
  },
  letter_unreadable: {
    fa: 'فایل نامه معرفی باز نمی‌شود؛ ممکن است آسیب دیده یا ناقص باشد. لطفاً فایل را دوباره بسازید (اسکن یا ذخیره به‌صورت PDF) و بارگذاری کنید.',
    en: 'The introduction letter file does not open; it may be damaged or incomplete. Please make the file again (scan it or save it as PDF) and upload it.',
  },
  letter_encrypted: {
    fa: 'فایل PDF نامه معرفی رمزگذاری شده یا با گذرواژه محافظت شده است. لطفاً نسخه بدون رمز آن را بارگذاری کنید.',
    en: 'The PDF of the introduction letter is encrypted or password-protected. Please upload a copy without protection.',
  },
  letter_too_many_pages: {
    fa: 'فایل نامه معرفی بیش از تعداد صفحات مجاز است. لطفاً فقط صفحات خود نامه را بارگذاری کنید.',
    en: 'The introduction letter file has more pages than allowed. Please upload the pages of the letter only.',
  },
  letter_image_too_large: {
    fa: 'ابعاد تصویر نامه معرفی بیش از حد بزرگ است. لطفاً نامه را با وضوح ۳۰۰ نقطه در اینچ اسکن و بارگذاری کنید.',
    en: 'The image of the introduction letter is too large in pixels. Please scan the letter at 300 dpi and upload it.',
  },
  letter_one_file: {
    fa: 'لطفاً فقط یک فایل، یعنی نامه معرفی، بارگذاری کنید.',
    en: 'Please upload one file only: the introduction letter.',
  },
  letter_bad_signature: {
    fa: 'امضای الکترونیکی نامه معرفی معتبر نیست یا نامه پس از امضا تغییر کرده است. لطفاً نامه را دوباره با گواهی مهر سازمانی دستگاه امضا و بارگذاری کنید.',
    en: "The electronic signature of the introduction letter is not valid, or the letter was changed after signing. Please sign the letter again with the agency's organizational-seal certificate and upload it.",
  },
  letter_expired: {
    fa: 'گواهی الکترونیکی که نامه معرفی با آن امضا شده در زمان دریافت نامه امضاشده معتبر نبوده است (منقضی یا هنوز معتبر نشده). لطفاً با گواهی معتبر امضا کنید.',
    en: 'The certificate the introduction letter was signed with was not valid when the signed letter was received (expired or not yet valid). Please sign with a valid certificate.',
  },
  letter_untrusted_chain: {
    fa: 'گواهی امضاکننده نامه معرفی از مرکز صدور گواهی مورد اعتماد صادر نشده است. لطفاً با گواهی صادرشده از مرکز میانی معتبر امضا کنید.',
    en: 'The certificate that signed the introduction letter was not issued by a trusted certification authority. Please sign with a certificate from a trusted intermediate CA.',
  },
  letter_revoked: {
    fa: 'گواهی الکترونیکی که نامه معرفی با آن امضا شده باطل شده است. لطفاً با گواهی معتبر دستگاه امضا و دوباره بارگذاری کنید.',
    en: 'The certificate the introduction letter was signed with has been revoked. Please sign with a valid certificate of the agency and upload it again.',
  },
  letter_key_usage: {
    fa: 'گواهی امضاکننده نامه معرفی برای امضای الکترونیکی صادر نشده است. لطفاً با گواهی امضای مهر سازمانی امضا کنید.',
    en: 'The certificate that signed the introduction letter is not issued for signing. Please sign with an organizational-seal signing certificate.',
  },
  letter_wrong_kind: {
    fa: 'نامه معرفی باید با گواهی «مهر سازمانی دولتی» دستگاه امضا شود، نه گواهی از نوع دیگر (مانند گواهی فردی).',
    en: "The introduction letter must be signed with the agency's government organizational-seal certificate, not a certificate of another kind (such as an individual one).",
  },
  letter_other_organization: {
    fa: 'گواهی امضاکننده نامه معرفی به دستگاه اجرایی دیگری تعلق دارد. نامه باید با مهر سازمانی همین دستگاه امضا شود.',
    en: "The certificate that signed the introduction letter belongs to another agency. The letter must be signed with this agency's organizational seal.",
  },
  letter_signature_type: {
    fa: 'فایل امضا باید امضای جداشده CMS (پسوند p7s) باشد.',
    en: 'The signature file must be a detached CMS signature (.p7s).',
  },
  letter_signature_no_letter: {
    fa: 'ابتدا نامه معرفی را بارگذاری کنید، سپس فایل امضای آن را.',
    en: 'Upload the introduction letter first, then its signature file.',
  },
  challenge_invalid: {
    fa: 'کد چالش نامعتبر، منقضی یا پیش‌تر استفاده شده است. لطفاً دوباره تلاش کنید.',
    en: 'The challenge is unknown, expired or already used. Please try again.',
  },
  certificate_invalid: {
    fa: 'امضا یا گواهی الکترونیکی پذیرفته نشد (امضای نادرست، گواهی نامعتبر، نوع نادرست یا متعلق به دستگاه دیگر).',
    en: "The signature or certificate was not accepted (wrong signature, invalid certificate, wrong kind, or another agency's).",
  },
  certificate_revoked: {
    fa: 'این گواهی الکترونیکی باطل شده است و پذیرفته نمی‌شود.',
    en: 'This certificate has been revoked and is not accepted.',
  },
  certificate_already_bound: {
    fa: 'این گواهی قبلاً ثبت شده است.',
    en: 'This certificate is already registered.',
  },
  certificate_not_bound: {
    fa: 'این گواهی به هیچ حساب کاربری فعالی متصل نیست.',
    en: 'This certificate is not bound to any active account.',
  },
  crl_unavailable: {
    fa: 'وضعیت ابطال گواهی هم‌اکنون قابل بررسی نیست. لطفاً چند دقیقه دیگر تلاش کنید.',
    en: "The certificate's revocation status cannot be checked right now. Please try again in a few minutes.",
  },
  agency_has_open_request: {
    fa: 'برای این دستگاه اجرایی درخواست ثبت‌نامی در حال بررسی است. لطفاً تا اعلام نتیجه منتظر بمانید.',
    en: 'A registration request for this agency is already being processed. Please wait for its outcome.',
  },
  agency_has_account: {
    fa: 'این دستگاه اجرایی پیش‌تر در سامانه ثبت‌نام کرده است.',
    en: 'This agency is already registered in the system.',
  },
  invalid_credentials: {
    fa: 'نام کاربری یا رمز عبور درست نیست.',
    en: 'The username or password is not correct.',
  },
  account_locked: {
    fa: 'به دلیل تلاش‌های ناموفق پی‌درپی، حساب کاربری شما موقتاً قفل شده است. لطفاً بعداً دوباره تلاش کنید.',
    en: 'Your account has been locked for a while after repeated failed attempts. Please try again later.',
  },
  rate_limited: {
    fa: 'تعداد درخواست‌های شما بیش از حد مجاز است. لطفاً چند دقیقه دیگر دوباره تلاش کنید.',
    en: 'You have made too many requests. Please try again in a few minutes.',
  },
  unauthorized: {
    fa: 'برای ادامه، لطفاً وارد حساب کاربری خود شوید.',
    en: 'Please sign in to continue.',
  },
  forbidden: { fa: 'شما اجازه دسترسی به این بخش را ندارید.', en: 'You do not have permission to access this.' },
  not_found: { fa: 'مورد درخواستی یافت نشد.', en: 'The requested item was not found.' },
  conflict: {
    fa: 'این درخواست با وضعیت کنونی پرونده سازگار نیست. لطفاً صفحه را دوباره بارگذاری کنید.',
    en: 'This request conflicts with the current state of the case. Please reload the page.',
  },
  validation_failed: {
    fa: 'برخی از اطلاعات واردشده درست نیست. لطفاً موارد مشخص‌شده را اصلاح کنید.',
    en: 'Some of the information entered is not valid. Please correct the marked items.',
  },
  field_invalid: {
    fa: 'مقدار واردشده در این بخش پذیرفتنی نیست.',
    en: 'The value entered here is not accepted.',
  },
  bad_request: {
    fa: 'درخواست ارسال‌شده قابل خواندن نیست. لطفاً صفحه را دوباره بارگذاری کنید و دوباره تلاش کنید.',
    en: 'The request could not be read. Please reload the page and try again.',
  },
  unsupported_media_type: {
    fa: 'قالب درخواست ارسال‌شده پذیرفته نیست.',
    en: 'The format of the request is not accepted.',
  },
  request_too_large: {
    fa: 'حجم درخواست ارسال‌شده بیش از حد مجاز است.',
    en: 'The request is too large.',
  },
  internal_error: {
    fa: 'متأسفانه خطایی در سامانه رخ داده است. لطفاً دقایقی دیگر دوباره تلاش کنید.',
    en: 'Sorry, something went wrong on our side. Please try again in a few minutes.',
  },
  service_unavailable: {
    fa: 'سامانه لحظاتی در دسترس نیست و درخواست شما ثبت نشد. اطلاعات واردشده از بین نرفته است؛ لطفاً یک دقیقه دیگر دوباره تلاش کنید.',
    en: 'The system is briefly unavailable and your request was not recorded. Nothing you entered is lost; please try again in a minute.',
  },
  decision_invalid: {
    fa: 'لطفاً یکی از دو گزینه «تأیید» یا «رد» را انتخاب کنید.',
    en: 'Please choose either "approve" or "reject".',
  },
  rejection_reason_required: {
    fa: 'برای رد درخواست، لطفاً علت رد را از فهرست انتخاب کنید.',
    en: 'To reject the request, please choose the reason from the list.',
  },
  rejection_text_required: {
    fa: 'برای رد درخواست به علت «سایر موارد»، لطفاً علت را بنویسید؛ همین متن به نماینده گفته می‌شود.',
    en: 'To reject for "other" reasons, please write the reason; the representative is told this text.',
  },
  rejection_text_too_long: {
    fa: 'متن علت رد نباید بیش از ۳۰۰ نویسه باشد.',
    en: 'The reason for rejection must not be longer than 300 characters.',
  },
  review_closed: {
    fa: 'این درخواست دیگر در انتظار بررسی نیست؛ ممکن است همکار دیگری درباره آن تصمیم گرفته یا پرونده بسته شده باشد.',
    en: 'This request is no longer waiting for review: another reviewer may have decided it, or it was closed.',
  },
  report_date_format: {
    fa: 'تاریخ را به‌صورت ۱۴۰۳/۰۵/۱۷ (شمسی) یا 2024-08-07 (میلادی) وارد کنید.',
    en: 'Enter the date as 1403/05/17 (Solar Hijri) or 2024-08-07 (Gregorian).',
  },
  report_range: {
    fa: 'بازه گزارش درست نیست: تاریخ پایان باید پس از تاریخ شروع و بازه حداکثر ده سال باشد.',
    en: 'The report period is not valid: the end must follow the start, and the period can be at most ten years.',
  },
  monitor_version_unknown: {
    fa: 'این نسخه از فرایند مستقر نشده است. نسخه را از فهرست انتخاب کنید.',
    en: 'No such version of the process is deployed. Choose the version from the list.',
  },
  deploy_refused: {
    fa: 'این مدل مستقر نشد، چون سامانهٔ در حال اجرا را از کار می‌اندازد. موارد زیر را اصلاح کنید.',
    en: 'This model was not deployed: it would break the running system. Correct the problems listed.',
  },
  model_unreadable: {
    fa: 'این فایل یک مدل BPMN 2.0 خواندنی نیست.',
    en: 'This file is not a readable BPMN 2.0 model.',
  },
  model_unknown_process: {
    fa: 'این مدل هیچ‌یک از فرایندهای این سامانه (ثبت دستگاه اجرایی و بررسی آن) را تعریف نمی‌کند؛ شناسهٔ فرایند را تغییر ندهید.',
    en: "This model defines none of this system's processes (agency registration and its review); keep the process id.",
  },
  certificate_kind_invalid: {
    fa: 'نوع گواهی باید یکی از پنج نوع گواهی مرکز میانی باشد.',
    en: "The certificate kind must be one of the intermediate CA's five kinds.",
  },
  certificate_kind_not_offered: {
    fa: 'این دفتر ثبت‌نام فقط گواهی‌های دولتی (فرد وابسته به دستگاه دولتی و مهر سازمانی دولتی) را صادر می‌کند؛ برای این نوع به دفتر ثبت‌نام غیردولتی مراجعه شود.',
    en: 'This registration office issues the government kinds only (individual affiliated with government, government organizational seal); refer the applicant to a non-government office.',
  },
  certificate_role_format: {
    fa: 'عنوان سمت در گواهی باید با حروف بزرگ لاتین نوشته شود، مانند MANAGER (۲ تا ۶۴ نویسه).',
    en: 'The role title in the certificate must be in Latin capitals, e.g. MANAGER (2 to 64 characters).',
  },
  csr_missing: {
    fa: 'فایل درخواست گواهی (CSR) که توکن ساخته است را بارگذاری کنید.',
    en: 'Upload the certificate signing request (CSR) file the token made.',
  },
  csr_unreadable: {
    fa: 'فایل درخواست گواهی خوانده نمی‌شود؛ باید یک درخواست PKCS#10 به‌صورت PEM یا DER باشد.',
    en: 'The certificate signing request does not parse; it must be a PKCS#10 request, PEM or DER.',
  },
  csr_key_algorithm: {
    fa: 'الگوریتم کلید درخواست گواهی پذیرفته نیست؛ فقط RSA یا ECDSA.',
    en: "The request's key algorithm is not accepted; RSA or ECDSA only.",
  },
  csr_weak_key: {
    fa: 'کلید درخواست گواهی ضعیف است؛ RSA دست‌کم ۲۰۴۸ بیت یا ECDSA روی منحنی P-256 یا P-384 لازم است.',
    en: "The request's key is too weak: RSA of at least 2048 bits, or ECDSA on P-256 or P-384, is required.",
  },
  csr_signature: {
    fa: 'امضای درخواست گواهی با کلید آن درست درنمی‌آید؛ درخواست باید با کلید خصوصی روی توکن امضا شده باشد.',
    en: "The request's signature does not verify with its own key; it must be signed with the private key on the token.",
  },
  csr_subject_mismatch: {
    fa: 'مشخصات درخواست گواهی (Subject) با اطلاعات واردشده یکی نیست؛ بخش‌های نشان‌داده‌شده را بررسی کنید.',
    en: "The request's subject does not match what was entered; check the fields marked.",
  },
  document_missing: {
    fa: 'دست‌کم یک مدرک شناسایی اسکن‌شده بارگذاری کنید.',
    en: 'Upload at least one scanned identity document.',
  },
  document_too_large: {
    fa: 'حجم هر مدرک حداکثر ۵ مگابایت است.',
    en: 'Each document may be at most 5 MB.',
  },
  document_type: {
    fa: 'قالب مدرک پذیرفته نیست؛ PDF یا تصویر JPEG یا PNG بارگذاری کنید.',
    en: 'This document type is not accepted; upload a PDF, or a JPEG or PNG image.',
  },
  document_unreadable: {
    fa: 'فایل مدرک باز نمی‌شود؛ ممکن است آسیب دیده باشد یا فقط پسوند آن PDF یا تصویر باشد.',
    en: 'The document does not open; it may be damaged, or only named like a PDF or an image.',
  },
  document_encrypted: {
    fa: 'فایل PDF مدرک رمزگذاری شده است؛ نسخهٔ بدون رمز را بارگذاری کنید.',
    en: "The document's PDF is encrypted; upload a copy without protection.",
  },
  document_too_many_pages: {
    fa: 'مدرک بیش از تعداد صفحات مجاز است.',
    en: 'The document has more pages than allowed.',
  },
  document_image_too_large: {
    fa: 'ابعاد تصویر مدرک بیش از حد بزرگ است؛ با ۳۰۰ نقطه در اینچ اسکن کنید.',
    en: "The document's image is too large in pixels; scan at 300 dpi.",
  },
  request_closed: {
    fa: 'این درخواست دیگر در انتظار بررسی دفتر ثبت‌نام نیست.',
    en: "This request is no longer waiting for the registration office's check.",
  },
  certificate_not_issued: {
    fa: 'برای این درخواست هنوز گواهی صادر نشده است.',
    en: 'No certificate has been issued for this request yet.',
  },
  certificate_already_downloaded: {
    fa: 'گواهی این درخواست یک بار دریافت شده و دوباره داده نمی‌شود.',
    en: "This request's certificate was downloaded once and is not handed out again.",
  },
  revocation_reason_invalid: {
    fa: 'علت ابطال باید یکی از علت‌های فهرست باشد.',
    en: 'The revocation reason must be one of those listed.',
  },
  certificate_not_revocable: {
    fa: 'این گواهی باطل شده یا درخواست ابطال یا تمدید آن در جریان است.',
    en: 'This certificate is revoked already, or a revocation or renewal of it is under way.',
  },
  migration_invalid: {
    fa: 'موتور فرایند این طرح انتقال را نمی‌پذیرد؛ ایرادهای هر دستور در زیر آمده است.',
    en: "The engine does not accept this migration plan; each instruction's failures are listed.",
  },
};

export const MESSAGE_CODES = Object.keys(MESSAGES) as MessageCode[];

export function messageText(code: MessageCode): MessageText {
  return MESSAGES[code];
}

export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(MESSAGES, code);
}
