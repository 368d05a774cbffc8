import { rejectionReasonText, type RejectionReason } from './review-decision.js';

export type NoticeInput =
  | { template: 'registered'; username: string; agencyName: string; loginUrl: string }
  /** `text`: the reviewer's own words (plain text, as SMS and the text-only e-mail carry it). */
  | { template: 'rejected'; reason: RejectionReason; text: string | null; agencyName: string }
  | { template: 'review-reminder'; registrationId: string; reviewUrl: string };

/** A reason as the end of a sentence: the reviewer's own words may end in their own stop. */
const sentence = (text: string) => (/[.!?؟]$/.test(text) ? text : `${text}.`);

/** SMS: a provider template with its tokens where one exists (tokens cannot hold spaces), else free text. */
export function smsFor(n: NoticeInput): { template: string; tokens: string[] } | { text: string } {
  switch (n.template) {
    case 'registered':
      return { template: 'payam-registered', tokens: [n.username] };
    case 'rejected':
      return {
        text: `درخواست ثبت نام دستگاه «${n.agencyName}» در پیام ایران رد شد. علت: ${sentence(rejectionReasonText(n.reason, n.text).fa)}`,
      };
    case 'review-reminder':
      return { text: `یک درخواست ثبت نام دستگاه در انتظار بررسی است: ${n.reviewUrl}` };
  }
}

export function emailFor(n: NoticeInput): { subject: string; text: string } {
  switch (n.template) {
    case 'registered':
      return {
        subject: 'ثبت نام دستگاه در پیام ایران انجام شد — Registration completed',
        text:
          `ثبت نام دستگاه «${n.agencyName}» در سامانه پیام ایران انجام شد.\nنام کاربری: ${n.username}\nگذرواژه همان است که هنگام ثبت نام انتخاب کردید.\nورود: ${n.loginUrl}\n\n` +
          `The registration of your agency in Payam Iran is complete.\nUsername: ${n.username}\nThe password is the one you chose when registering.\nLog in: ${n.loginUrl}\n`,
      };
    case 'rejected': {
      const reason = rejectionReasonText(n.reason, n.text);
      return {
        subject: 'درخواست ثبت نام دستگاه در پیام ایران رد شد — Registration request rejected',
        text:
          `درخواست ثبت نام دستگاه «${n.agencyName}» در سامانه پیام ایران رد شد.\nعلت: ${reason.fa}\nمی‌توانید پس از رفع مورد، درخواست تازه‌ای ثبت کنید.\n\n` +
          `The registration request of your agency in Payam Iran was rejected.\nReason: ${reason.en}\nYou may file a new request once this is put right.\n`,
      };
    }
    case 'review-reminder':
      return {
        subject: 'یادآوری: درخواست در انتظار بررسی — Reminder: a request awaits review',
        text: `درخواست ${n.registrationId} هنوز بررسی نشده است.\nRequest ${n.registrationId} is still waiting for review.\n${n.reviewUrl}\n`,
      };
  }
}
