import type { ProcessEngine } from '../../adapters/engine/process-engine.js';
import type { Db } from '../../db/knex.js';
import type { MessageStore } from '../../simulators/mail-catcher/message-store.js';
import type { JourneyResult } from './journey.js';

export interface RowOutcome {
  registrations: number;
  registered: number;
  lost: string[];
  duplicates: string[];
  incidents: string[];
  unexplainedErrors: string[];
  unavailable: number;
}

/**
 * What every registration of a row must show once the fault is over: registered, one account for
 * its agency, one SMS per one-time code sent and one per notice, one e-mail per notice (by Message-ID), every
 * notice delivered, no open incident, no incident without its system's code, no error shown without
 * a Persian text.
 */
export async function checkRow(
  results: JourneyResult[],
  deps: { db: Db; engine: ProcessEngine; smsUrl: string; mail: MessageStore },
): Promise<RowOutcome> {
  const out: RowOutcome = {
    registrations: results.length,
    registered: 0,
    lost: [],
    duplicates: [],
    incidents: [],
    unexplainedErrors: [],
    unavailable: 0,
  };
  for (const r of results) {
    out.unavailable += r.unavailable;
    out.unexplainedErrors.push(...r.unexplainedErrors);
    const name = r.id?.slice(0, 8) ?? '(not started)';
    if (!r.id) {
      out.lost.push(`${name}: never started`);
      continue;
    }
    const reg = await deps.db('registrations').where({ id: r.id }).first('status', 'process_instance_id');
    if (reg?.status === 'registered') out.registered++;
    else out.lost.push(`${name}: ended at ${reg?.status ?? 'nothing'} (form showed ${r.step})`);
    const accounts = await deps
      .db('accounts')
      .where({ agency_national_id: r.person.agencyNationalId })
      .count<{ n: string }[]>('* as n');
    if (Number(accounts[0]!.n) > 1) out.duplicates.push(`${name}: ${accounts[0]!.n} accounts for one agency`);
    const codes = await deps
      .db('one_time_codes')
      .where({ registration_id: r.id })
      .whereNotNull('sent_at')
      .count<{ n: string }[]>('* as n');
    const sms = (await (await fetch(`${deps.smsUrl}/__sim/messages?to=${r.person.mobile}`)).json()) as {
      template?: string;
    }[];
    const otpSms = sms.filter((m) => m.template === 'payam-otp').length;
    if (otpSms > Number(codes[0]!.n)) out.duplicates.push(`${name}: ${otpSms} code SMS for ${codes[0]!.n} codes`);
    const noticeSms = sms.filter((m) => m.template === 'payam-registered').length;
    // As a mail client counts them: copies with one Message-ID are one message.
    const copies = deps.mail.list({ to: r.person.email });
    const mails = new Set(copies.map((m) => m.messageId ?? m.id)).size;
    if (reg?.status === 'registered') {
      if (noticeSms === 0) out.lost.push(`${name}: no confirmation SMS`);
      if (mails === 0) out.lost.push(`${name}: no confirmation e-mail`);
    }
    if (noticeSms > 1) out.duplicates.push(`${name}: ${noticeSms} confirmation SMS`);
    if (mails > 1) out.duplicates.push(`${name}: ${mails} confirmation e-mails`);
    const undelivered = await deps
      .db('notifications')
      .where({ registration_id: r.id })
      .whereNot({ status: 'sent' })
      // A code replaced or expired before its SMS could go is not sent, on purpose: a newer code was.
      .whereNot((q) => {
        q.where({ template: 'otp', last_error_code: 'OTP_NOT_CURRENT' });
      })
      .count<{ n: string }[]>('* as n');
    if (Number(undelivered[0]!.n) > 0) out.lost.push(`${name}: ${undelivered[0]!.n} notices not delivered`);
    if (reg?.process_instance_id) {
      for (const i of await deps.engine.historicIncidents({ processInstanceId: reg.process_instance_id })) {
        if (!/^[A-Z][A-Z_]+: /.test(i.incidentMessage ?? ''))
          out.incidents.push(`${name}: incident without its cause: ${i.incidentMessage}`);
        if (i.open) out.incidents.push(`${name}: incident still open: ${i.incidentMessage}`);
      }
    }
  }
  return out;
}
