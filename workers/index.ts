import { accountCreateWorker } from './account-create.js';
import { caCertificateIssueWorker } from './ca-certificate-issue.js';
import { caCertificateRevokeWorker } from './ca-certificate-revoke.js';
import { captchaCheckWorker } from './captcha-check.js';
import { civilRegistryInquiryWorker } from './civil-registry-inquiry.js';
import { letterSignatureCheckWorker } from './letter-signature-check.js';
import { notifyApplicantWorker } from './notify-applicant.js';
import { otpCheckWorker } from './otp-check.js';
import { otpSendWorker } from './otp-send.js';
import { raDecisionRecordWorker } from './ra-decision-record.js';
import { registrationCloseWorker } from './registration-close.js';
import { reviewRecordWorker } from './review-record.js';
import { reviewReminderWorker } from './review-reminder.js';
import { shahkarInquiryWorker } from './shahkar-inquiry.js';

/** Every external-task worker, one per topic in bpmn/ (a test holds the two lists equal). */
export const jobWorkers = [
  captchaCheckWorker,
  letterSignatureCheckWorker,
  civilRegistryInquiryWorker,
  shahkarInquiryWorker,
  otpSendWorker,
  otpCheckWorker,
  reviewRecordWorker,
  reviewReminderWorker,
  accountCreateWorker,
  notifyApplicantWorker,
  registrationCloseWorker,
  raDecisionRecordWorker,
  caCertificateIssueWorker,
  caCertificateRevokeWorker,
];
