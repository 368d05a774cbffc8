import type { Logger } from 'pino';
import type { OpenIncident, ProcessEngine } from '../../adapters/engine/process-engine.js';
import type { Config } from '../../config/config.js';
import { createAlertsRepo, type AlertStateRow } from '../../db/alerts-repo.js';
import type { Db } from '../../db/knex.js';
import { createNotificationsRepo } from '../../db/notifications-repo.js';
import type { AlertFacts, IncidentStep } from '../../domain/alert-texts.js';
import { codeOf, systemOf, type IncidentSystem } from '../../domain/incident-system.js';
import { durationMs } from '../../domain/iso-duration.js';

export interface AlertDeps {
  db: Db;
  engine: Pick<ProcessEngine, 'openIncidents' | 'instancesAt' | 'activityName' | 'tasksOf'>;
  config: Pick<Config, 'ENGINE_WEBAPP_URL' | 'ALERT_REPEAT_AFTER' | 'REVIEW_REMINDER' | 'PUBLIC_BASE_URL'>;
  logger: Logger;
  /** The notice queue: the alert's notice id only, as every notice (the sweeper covers a failed offer). */
  notifications: { offer(notificationId: string): Promise<boolean> };
  now: () => Date;
}

const cockpitUrls = (webappUrl: string) => {
  const cockpit = `${webappUrl.replace(/\/$/, '')}/app/cockpit/default/#`;
  // encodeURI, not encodeURIComponent: a definition id's colons (agency-registration:1:…) stay as Cockpit writes them.
  return {
    home: `${cockpit}/processes`,
    instance: (id: string) => `${cockpit}/process-instance/${encodeURI(id)}/runtime?tab=incidents-tab`,
    definition: (id: string) => `${cockpit}/process-definition/${encodeURI(id)}/runtime?tab=incidents-tab`,
  };
};

const newestOf = (incidents: OpenIncident[]) =>
  incidents.reduce((a, b) => (b.createdAt.getTime() > a.createdAt.getTime() ? b : a));

/**
 * Whether this system's open incidents call for an alert now: none is out for it, or the last went out
 * ALERT_REPEAT_AFTER ago or more and incidents were raised since. Read unlocked first (no engine calls for a
 * system that stays quiet), and again under the state's lock before anything is written.
 */
function alertDue(state: AlertStateRow | undefined, newest: Date, now: Date, repeatMs: number) {
  const quietLongEnough = !state?.last_alert_at || now.getTime() - state.last_alert_at.getTime() >= repeatMs;
  const raisedSince = !state?.alerting || !state.last_incident_at || newest > state.last_incident_at;
  return quietLongEnough && raisedSince;
}

/** The alert's facts: each card step the system's incidents wait at, with how many registrations wait there. */
async function incidentFacts(deps: AlertDeps, system: IncidentSystem, open: OpenIncident[]): Promise<AlertFacts> {
  const urls = cockpitUrls(deps.config.ENGINE_WEBAPP_URL);
  const byActivity = new Map<string, OpenIncident[]>();
  for (const i of open) byActivity.set(i.activityId, [...(byActivity.get(i.activityId) ?? []), i]);
  const steps: IncidentStep[] = [];
  for (const [activityId, incidents] of byActivity) {
    const newest = newestOf(incidents);
    steps.push({
      activityId,
      step: await deps.engine.activityName(newest.processInstanceId, activityId),
      incidents: incidents.length,
      waiting: await deps.engine.instancesAt(activityId),
      cockpitUrl: urls.definition(newest.processDefinitionId),
    });
  }
  const newest = newestOf(open);
  return {
    kind: 'incident',
    system,
    codes: [...new Set(open.map((i) => codeOf(i.message)))].sort(),
    incidents: open.length,
    steps,
    newest: {
      incidentId: newest.id,
      processInstanceId: newest.processInstanceId,
      raisedAt: newest.createdAt.toISOString(),
      cockpitUrl: urls.instance(newest.processInstanceId),
    },
    cockpitUrl: urls.home,
  };
}

/**
 * One run of the incident watcher: reads the engine's open incidents, groups them by outside system, and writes
 * to the outbox an alert for a system that newly has some (at most one per ALERT_REPEAT_AFTER) and an all-clear
 * for one whose incidents are all resolved. The decision and the notice are one transaction under the
 * system's state row, so a run that dies before it commits sends nothing and one that committed is never
 * repeated by the next run or a restarted watcher. Returns the notices it wrote.
 */
export async function watchIncidents(deps: AlertDeps) {
  const alerts = createAlertsRepo(deps.db);
  const notices = createNotificationsRepo(deps.db);
  const repeatMs = durationMs(deps.config.ALERT_REPEAT_AFTER);
  const open = new Map<IncidentSystem, OpenIncident[]>();
  for (const i of await deps.engine.openIncidents()) {
    const system = systemOf(i.message);
    open.set(system, [...(open.get(system) ?? []), i]);
  }
  const states = new Map(
    ((await deps.db('incident_alert_state').select('*')) as AlertStateRow[]).map((s) => [s.system, s]),
  );
  const written: { system: IncidentSystem; kind: 'incident' | 'all-clear'; notificationId: string }[] = [];
  for (const system of new Set([
    ...open.keys(),
    ...[...states.values()].filter((s) => s.alerting).map((s) => s.system),
  ])) {
    const incidents = open.get(system) ?? [];
    const newest = incidents.length ? newestOf(incidents).createdAt : undefined;
    if (newest && !alertDue(states.get(system), newest, deps.now(), repeatMs)) continue;
    const facts = newest ? await incidentFacts(deps, system, incidents) : undefined;
    const notificationId = await deps.db.transaction(async (trx) => {
      const state = await alerts.lockState(system, trx);
      const now = deps.now();
      let alertId: string;
      if (newest && facts) {
        if (!alertDue(state, newest, now, repeatMs)) return undefined;
        alertId = await alerts.create(facts, trx);
        await alerts.setState(system, { alerting: true, last_alert_at: now, last_incident_at: newest }, trx);
      } else {
        if (!state.alerting) return undefined;
        alertId = await alerts.create(
          {
            kind: 'all-clear',
            system,
            alertedAt: state.last_alert_at?.toISOString() ?? null,
            resolvedAt: now.toISOString(),
            cockpitUrl: cockpitUrls(deps.config.ENGINE_WEBAPP_URL).home,
          },
          trx,
        );
        await alerts.setState(system, { alerting: false }, trx);
      }
      const notice = await notices.ensure(
        {
          alertId,
          channel: 'email',
          template: newest ? 'incident-alert' : 'incident-all-clear',
          idempotencyKey: `alert:${alertId}`,
        },
        trx,
      );
      return notice.id;
    });
    if (!notificationId) continue;
    written.push({ system, kind: newest ? 'incident' : 'all-clear', notificationId });
    deps.logger.info({ system, kind: newest ? 'incident' : 'all-clear', notificationId }, 'IT office alerted');
    await deps.notifications.offer(notificationId);
  }
  return written;
}
