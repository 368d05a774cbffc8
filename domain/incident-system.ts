import { incidentCode, incidentSystem, type IncidentSystem } from './incident-codes.js';

/**
 * The outside system an incident waits on, from the code its message starts with (workers write
 * `PGSB_TIMEOUT: …`, `CA_UNAVAILABLE: …`); anything else (our own faults) is `other`. The open-incidents gauge
 * and the IT office's alerts group by it.
 */
export type { IncidentSystem };

/** The one table of codes and systems is `incident-codes.ts` (the monitor explains the codes from it). */
export const systemOf = incidentSystem;

/** The code itself (`PGSB_TIMEOUT`), which says what failed without quoting anything else of the message. */
export const codeOf = (message: string) => incidentCode(message) ?? 'UNKNOWN';

/** How the IT office names each system, in Persian and English. */
export const SYSTEM_NAMES: Record<IncidentSystem, { fa: string; en: string }> = {
  pgsb: {
    fa: 'گذرگاه خدمات دولت (PGSB): ثبت احوال و شاهکار',
    en: 'Government Service Bus (PGSB): civil registry and Shahkar',
  },
  sms: { fa: 'درگاه پیامک', en: 'SMS gateway' },
  ca: { fa: 'مرکز صدور گواهی (CA) و فهرست ابطال آن', en: 'Certificate authority (CA) and its revocation list' },
  mail: { fa: 'سرور پست الکترونیک', en: 'Mail server' },
  other: { fa: 'خود سامانه (خطای داخلی)', en: 'Payam Iran itself (internal fault)' },
};
