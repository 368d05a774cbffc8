import type { Logger } from 'pino';
import { CERTIFICATE_REQUEST_PROCESS_ID } from '../../adapters/engine/process-model.js';
import { projectProcessIds } from '../../adapters/bpmn/project-processes.js';
import type { ProcessEngine } from '../../adapters/engine/process-engine.js';
import type { Config } from '../../config/config.js';
import { createAuditRepo } from '../../db/audit-repo.js';
import type { Db } from '../../db/knex.js';
import { createRetentionRepo } from '../../db/retention-repo.js';
import {
  historyTimeToLiveDays,
  noPurge,
  PURGE_KINDS,
  purgeCutoffs,
  type PurgeCounts,
  type RetentionPolicy,
} from '../../domain/retention.js';

export interface PurgeDeps {
  db: Db;
  engine: ProcessEngine;
  config: Config;
  logger: Logger;
  now: () => Date;
}

const ACTOR = 'system:retention';

export const retentionPolicy = (
  config: Pick<Config, 'RETENTION_UNSUCCESSFUL' | 'RETENTION_CODES' | 'RETENTION_CERTIFICATE_DOCUMENTS'>,
): RetentionPolicy => ({
  unsuccessful: config.RETENTION_UNSUCCESSFUL,
  codes: config.RETENTION_CODES,
  certificateDocuments: config.RETENTION_CERTIFICATE_DOCUMENTS,
});

/**
 * One run of the retention policy: every delete and its audit rows in one transaction, so the audit
 * log says exactly what went. Audit rows name the kind, the count and the cutoff, never a request.
 * Then the engine's processes are brought to the policy's history time to live, should a version have
 * been deployed with another (from Modeler) or the policy have changed.
 */
export async function purgeExpiredData(deps: PurgeDeps): Promise<PurgeCounts> {
  const now = deps.now();
  const policy = retentionPolicy(deps.config);
  const cutoffs = purgeCutoffs(policy, now);
  const repo = createRetentionRepo(deps.db);
  const audit = createAuditRepo(deps.db);
  const certificateRequests = await endedCertificateRequests(deps, repo, cutoffs);
  const counts = await deps.db.transaction(async (trx) => {
    const c = noPurge();
    const unsuccessful = await repo.purgeUnsuccessful(cutoffs, now, trx);
    for (const [kind, n] of Object.entries(unsuccessful) as [keyof typeof unsuccessful, number][]) c[kind] += n;
    c.captchas += await repo.purgeCaptchas(cutoffs, trx);
    c.one_time_codes += await repo.purgeOneTimeCodes(cutoffs, trx);
    c.otp_entries += await repo.purgeOtpEntries(cutoffs, trx);
    c.submissions += await repo.purgeSubmissions(cutoffs, trx);
    c.sessions += await repo.purgeSessions(cutoffs, trx);
    c.certificate_request_names += await repo.purgeCertificateRequestNames(certificateRequests, trx);
    c.certificate_binding_subjects += await repo.purgeCertificateBindingSubjects(cutoffs, trx);
    const archives = await repo.purgeCertificateArchives(cutoffs, now, trx);
    c.certificate_documents += archives.certificate_documents;
    c.certificate_applicants += archives.certificate_applicants;
    const before: Record<string, Date> = {
      applicant_data: cutoffs.closedBefore,
      letters: cutoffs.closedBefore,
      certificate_request_names: cutoffs.closedBefore,
      certificate_binding_subjects: cutoffs.closedBefore,
      certificate_documents: cutoffs.certificateClosedBefore,
      certificate_applicants: cutoffs.certificateClosedBefore,
      sessions: cutoffs.sessionsEndedBefore,
    };
    for (const kind of PURGE_KINDS) {
      // One row per kind and run, zero included: the log shows the policy ran every day.
      await audit.record(
        {
          actor: ACTOR,
          action: 'data_purged',
          detail: { kind, count: c[kind], before: (before[kind] ?? cutoffs.codesBefore).toISOString() },
        },
        trx,
      );
    }
    return c;
  });
  deps.logger.info({ purged: counts }, 'retention purge done');
  await alignHistoryTimeToLive(deps, policy);
  return counts;
}

/**
 * The certificate requests whose process ended before the cutoff: not running, and ended (by the engine's
 * history) before it — or with no history left, which the engine removes only a time to live after the end.
 */
async function endedCertificateRequests(
  deps: PurgeDeps,
  repo: ReturnType<typeof createRetentionRepo>,
  cutoffs: ReturnType<typeof purgeCutoffs>,
) {
  const named = await repo.namedCertificateRequests(cutoffs);
  if (!named.length) return [];
  const running = new Set((await deps.engine.runningInstances(CERTIFICATE_REQUEST_PROCESS_ID)).map((p) => p.id));
  const ends = await deps.engine.endTimes(named.flatMap((r) => (r.process_instance_id ? [r.process_instance_id] : [])));
  return named
    .filter((r) => {
      const instance = r.process_instance_id;
      if (!instance) return true;
      const end = ends.get(instance);
      return !running.has(instance) && (!end || end < cutoffs.closedBefore);
    })
    .map((r) => r.id);
}

/** Every deployed version of every process in bpmn/ keeps its ended instances' history as long as the policy says. */
async function alignHistoryTimeToLive(deps: PurgeDeps, policy: RetentionPolicy) {
  const days = historyTimeToLiveDays(policy);
  for (const d of await deps.engine.definitions(await projectProcessIds())) {
    if (d.historyTimeToLive === days) continue;
    await deps.engine.setHistoryTimeToLive(d.id, days);
    await createAuditRepo(deps.db).record({
      actor: ACTOR,
      action: 'engine_history_ttl_set',
      detail: { process: d.key, version: d.version, days, was: d.historyTimeToLive },
    });
    deps.logger.warn(
      { process: d.key, version: d.version, days, was: d.historyTimeToLive },
      'engine history time to live set to the retention policy',
    );
  }
}
