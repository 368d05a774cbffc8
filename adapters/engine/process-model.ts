/** Ids in bpmn/ that code relies on; a test checks that each one is still in the models. */
export const PROCESS_ID = 'agency-registration';
export const REVIEW_PROCESS_ID = 'agency-registration-review';
/** The registration office's process (issue, revoke, renew a certificate) and its clerks' task in Tasklist. */
export const CERTIFICATE_REQUEST_PROCESS_ID = 'certificate-request';
export const RA_TASK = 'Task_RaCheck';
export const RA_GROUP = 'ra-clerks';

/** The user tasks (task definition keys) the API completes; anything else is Tasklist's alone. */
export const USER_TASKS = {
  applicantData: 'Task_ApplicantData',
  enterOtp: 'Task_EnterOtp',
  review: 'Task_Review',
} as const;

/**
 * The external-task topics in bpmn/, each served by one worker (workers/index.ts); the deploy gate refuses a
 * model that asks for another. A test holds this list, the models' topics and the workers' equal.
 */
export const TOPICS = {
  accountCreate: 'account-create',
  caCertificateIssue: 'ca-certificate-issue',
  caCertificateRevoke: 'ca-certificate-revoke',
  captchaCheck: 'captcha-check',
  civilRegistryInquiry: 'civil-registry-inquiry',
  letterSignatureCheck: 'letter-signature-check',
  notifyApplicant: 'notify-applicant',
  otpCheck: 'otp-check',
  otpSend: 'otp-send',
  raDecisionRecord: 'ra-decision-record',
  registrationClose: 'registration-close',
  reviewRecord: 'review-record',
  reviewReminder: 'review-reminder',
  shahkarInquiry: 'shahkar-inquiry',
} as const;

export const REVIEWER_GROUP = 'it-office-reviewers';

/** Groups the engine provisions (engine/…/AccessProvisioning.java); staff roles map onto them. */
export const ENGINE_GROUPS = {
  reviewer: REVIEWER_GROUP,
  supervisor: 'performance-office',
  'process-owner': 'process-owners',
  'ra-clerk': RA_GROUP,
  admin: 'operaton-admin',
} as const;
