import type { Db, Tx } from './knex.js';

export interface AuditEntry {
  registrationId?: string | null;
  actor: string;
  action: string;
  /** Ids, counters and outcome codes only: the audit log is read by people who must not see personal data. */
  detail?: Record<string, string | number | boolean | null>;
}

export type AuditRepo = ReturnType<typeof createAuditRepo>;

export function createAuditRepo(db: Db) {
  return {
    async record(entry: AuditEntry, trx?: Tx) {
      await (trx ?? db)('audit_log').insert({
        registration_id: entry.registrationId ?? null,
        actor: entry.actor,
        action: entry.action,
        detail: JSON.stringify(entry.detail ?? {}),
      });
    },
    async forRegistration(registrationId: string, trx?: Tx) {
      return (trx ?? db)('audit_log')
        .where({ registration_id: registrationId })
        .orderBy('id')
        .select<{ actor: string; action: string; detail: Record<string, unknown>; at: Date }[]>(
          'actor',
          'action',
          'detail',
          'at',
        );
    },
  };
}
