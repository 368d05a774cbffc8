import { SYSTEM_NAMES, type IncidentSystem } from './incident-system.js';

/** One card step where a system's incidents wait: its activity, its name in the model, how many wait there. */
export interface IncidentStep {
  activityId: string;
  /** The activity's name, the card's step number first ("7 · Civil-registry inquiry over PGSB"). */
  step: string | null;
  incidents: number;
  /** Registrations (process instances) at this step now, those still being retried included. */
  waiting: number;
  /** Cockpit's incidents tab of the process version. */
  cockpitUrl: string;
}

interface OverdueReview {
  registrationId: string;
  trackingCode: string | null;
  waitingSince: string;
  reviewUrl: string;
}

/**
 * What an alert e-mail says, as stored with it (`operations_alerts.facts`): ids, codes, counts, the system, the
 * step and links, nothing personal (no name, national code, mobile or address, and no incident message beyond
 * its code).
 */
export type AlertFacts =
  | {
      kind: 'incident';
      system: IncidentSystem;
      /** The codes the incidents' messages start with (PGSB_TIMEOUT, …). */
      codes: string[];
      incidents: number;
      steps: IncidentStep[];
      /** The newest incident and its instance in Cockpit. */
      newest: { incidentId: string; processInstanceId: string; raisedAt: string; cockpitUrl: string };
      cockpitUrl: string;
    }
  | { kind: 'all-clear'; system: IncidentSystem; alertedAt: string | null; resolvedAt: string; cockpitUrl: string }
  | { kind: 'reviews-overdue'; day: string; reminder: string; reviews: OverdueReview[]; queueUrl: string };

/** "7" of "7 · Civil-registry inquiry over PGSB", "9-3" of "9-3 · Check the code"; null when the name has none. */
const cardStepOf = (name: string | null) => (name ? (/^([\d\s–·-]*\d)\s*·/.exec(name)?.[1] ?? null) : null);

const stepLine = (s: IncidentStep) => {
  const number = cardStepOf(s.step);
  return {
    fa: `- گام ${number ?? '?'} کارت فرایند (${s.step ?? s.activityId}): ${s.incidents} حادثه باز، ${s.waiting} ثبت نام در انتظار\n  ${s.cockpitUrl}`,
    en: `- Card step ${number ?? '?'} (${s.step ?? s.activityId}): ${s.incidents} open incident(s), ${s.waiting} registration(s) waiting\n  ${s.cockpitUrl}`,
  };
};

/** The alert e-mail to the IT office (incident, all-clear) or to the reviewers (the day's overdue reviews). */
export function alertEmailFor(f: AlertFacts): { subject: string; text: string } {
  switch (f.kind) {
    case 'incident': {
      const name = SYSTEM_NAMES[f.system];
      const steps = f.steps.map(stepLine);
      return {
        subject: `هشدار پیام ایران: حادثه در ${name.fa} — Payam Iran alert: incident at ${name.en}`,
        text:
          `سامانه «${name.fa}» پس از همه تلاش‌های دوباره پاسخ نداد و موتور فرایند حادثه ثبت کرد.\n` +
          `کد خطا: ${f.codes.join('، ')}\nحادثه‌های باز این سامانه: ${f.incidents}\n${steps.map((s) => s.fa).join('\n')}\n` +
          `تازه‌ترین حادثه (${f.newest.incidentId}، نمونه فرایند ${f.newest.processInstanceId}):\n  ${f.newest.cockpitUrl}\n` +
          `پس از رفع مشکل، در Cockpit روی حادثه «تلاش دوباره» (Retry) را بزنید. تا یک ساعت هشدار دیگری برای این سامانه فرستاده نمی‌شود؛ ` +
          `وقتی همه حادثه‌های آن رفع شد، پیام «رفع شد» می‌آید.\n\n` +
          `"${name.en}" did not answer after every retry, and the engine raised an incident.\n` +
          `Error code: ${f.codes.join(', ')}\nOpen incidents at this system: ${f.incidents}\n${steps.map((s) => s.en).join('\n')}\n` +
          `Newest incident (${f.newest.incidentId}, process instance ${f.newest.processInstanceId}):\n  ${f.newest.cockpitUrl}\n` +
          `Once the cause is mended, press "Retry" on the incident in Cockpit. No further alert for this system goes out ` +
          `within the hour; an all-clear follows when all its incidents are resolved.\n\nCockpit: ${f.cockpitUrl}\n`,
      };
    }
    case 'all-clear': {
      const name = SYSTEM_NAMES[f.system];
      return {
        subject: `رفع شد: ${name.fa} — Resolved: ${name.en}`,
        text:
          `همه حادثه‌های «${name.fa}» رفع شد؛ ثبت نام‌هایی که منتظر آن بودند ادامه یافتند.\n` +
          `هشدار: ${f.alertedAt ?? '-'}\nرفع: ${f.resolvedAt}\n\n` +
          `Every incident at "${name.en}" is resolved; the registrations waiting on it went on.\n` +
          `Alerted: ${f.alertedAt ?? '-'}\nResolved: ${f.resolvedAt}\n\nCockpit: ${f.cockpitUrl}\n`,
      };
    }
    case 'reviews-overdue': {
      const lines = f.reviews.map(
        (r) => `- ${r.trackingCode ?? r.registrationId} (${r.registrationId}), ${r.waitingSince}: ${r.reviewUrl}`,
      );
      return {
        subject: `${f.reviews.length} درخواست بیش از مهلت یادآوری در انتظار بررسی — ${f.reviews.length} review(s) overdue (${f.day})`,
        text:
          `این درخواست‌ها بیش از ${f.reminder} در انتظار بررسی مانده‌اند (کد پیگیری، شناسه، از کی):\n${lines.join('\n')}\n\n` +
          `These requests have waited longer than ${f.reminder} for review (tracking code, id, since when):\n${lines.join('\n')}\n\n` +
          `${f.queueUrl}\n`,
      };
    }
  }
}
