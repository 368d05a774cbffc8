import { PROCESS_ID } from '../../adapters/engine/process-model.js';
import type { ProcessEngine } from '../../adapters/engine/process-engine.js';
import { createAuditRepo } from '../../db/audit-repo.js';
import type { Db } from '../../db/knex.js';
import { createNotificationsRepo } from '../../db/notifications-repo.js';
import { CLOSED_STATUSES, createRegistrationsRepo, type RegistrationStatus } from '../../db/registrations-repo.js';

type Engine = Pick<ProcessEngine, 'runningInstances' | 'cancel'>;

/** Why a closed registration was closed by the agreement check: the restore lost its other half. */
const RESTORE_REASON = 'restore';

export interface Disagreement {
  /** Open in our database, with no running instance in the engine: nothing will ever move it on. */
  unknownToEngine: { id: string; status: RegistrationStatus; createdAt: Date }[];
  /** Running in the engine for a registration we do not have open (none, or closed): nobody can go on with it. */
  unknownToUs: { processInstanceId: string; registrationId: string | null; ours: RegistrationStatus | 'none' }[];
}

/**
 * After a restore, both databases come from one snapshot and agree; what can still differ is work that was
 * between the two when the snapshot was taken (a registration whose instance had not started yet), and anything
 * restored from elsewhere. This lists both sides' leftovers; run it with the API and workers stopped.
 */
export async function checkAgreement(db: Db, engine: Engine): Promise<Disagreement> {
  const open = await db('registrations')
    .whereNotIn('status', CLOSED_STATUSES as RegistrationStatus[])
    .select<{ id: string; status: RegistrationStatus; created_at: Date }[]>('id', 'status', 'created_at');
  const running = await engine.runningInstances(PROCESS_ID);
  const runningKeys = new Set(running.map((r) => r.businessKey));
  const openIds = new Set(open.map((r) => r.id));
  const orphans = running.filter((r) => !r.businessKey || !openIds.has(r.businessKey));
  const known = orphans.length
    ? await db('registrations')
        .whereIn(
          'id',
          orphans.map((o) => o.businessKey).filter((k): k is string => Boolean(k && /^[0-9a-f-]{36}$/i.test(k))),
        )
        .select<{ id: string; status: RegistrationStatus }[]>('id', 'status')
    : [];
  const statusOf = new Map(known.map((k) => [k.id, k.status]));
  return {
    unknownToEngine: open
      .filter((r) => !runningKeys.has(r.id))
      .map((r) => ({ id: r.id, status: r.status, createdAt: r.created_at })),
    unknownToUs: orphans.map((o) => ({
      processInstanceId: o.id,
      registrationId: o.businessKey,
      ours: (o.businessKey && statusOf.get(o.businessKey)) || 'none',
    })),
  };
}

/**
 * `--repair`: a registration the engine lost is closed as expired, reason "restore", and its applicant (when step 3
 * gave us a mobile and e-mail) is told to start again through the notice outbox, which the workers deliver;
 * an instance we have no open registration for is ended. Repeating it changes nothing more.
 */
export async function repairDisagreement(db: Db, engine: Engine, found: Disagreement, actor = 'ops:restore') {
  const registrations = createRegistrationsRepo(db);
  const notices = createNotificationsRepo(db);
  const audit = createAuditRepo(db);
  let told = 0;
  for (const r of found.unknownToEngine) {
    await db.transaction(async (trx) => {
      const closed = await registrations.setStatus(
        r.id,
        'expired',
        { outcome: 'expired', outcome_reason: RESTORE_REASON, closed_at: new Date() },
        trx,
      );
      if (!closed) return;
      await audit.record(
        {
          registrationId: r.id,
          actor,
          action: 'registration_closed',
          detail: { outcome: 'expired', reason: RESTORE_REASON },
        },
        trx,
      );
      const contact = await trx('applicant_data').where({ registration_id: r.id }).first('mobile', 'email');
      if (!contact?.mobile || !contact?.email) return;
      for (const channel of ['sms', 'email'] as const)
        await notices.ensure(
          { registrationId: r.id, channel, template: 'start-again', idempotencyKey: `${r.id}:start-again:${channel}` },
          trx,
        );
      told++;
    });
  }
  for (const o of found.unknownToUs) await engine.cancel(o.processInstanceId);
  return { closed: found.unknownToEngine.length, told, ended: found.unknownToUs.length };
}
