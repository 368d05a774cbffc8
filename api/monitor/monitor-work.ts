import type { HistoryReader } from '../../adapters/engine-history/history-reader.js';
import type { ProcessEngine } from '../../adapters/engine/process-engine.js';
import { USER_TASKS } from '../../adapters/engine/process-model.js';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/knex.js';
import { cockpitInstanceLink } from '../../domain/cockpit-link.js';
import { incidentCode, incidentExplanation, incidentSystem } from '../../domain/incident-codes.js';
import { durationMs } from '../../domain/iso-duration.js';
import { reviewLink } from '../../domain/review-link.js';

type WorkConfig = Pick<
  Config,
  'REVIEW_REMINDER' | 'APPLICANT_TIMEOUT' | 'OTP_TIMEOUT' | 'PUBLIC_BASE_URL' | 'ENGINE_WEBAPP_URL'
>;

/** The applicant's two waits and the timer that ends each. */
const APPLICANT_WAITS = [
  {
    kind: 'applicant-data',
    task: USER_TASKS.applicantData,
    timer: 'Timer_ApplicantDataTimeout',
    limit: 'APPLICANT_TIMEOUT',
  },
  { kind: 'otp', task: USER_TASKS.enterOtp, timer: 'Timer_OtpTimeout', limit: 'OTP_TIMEOUT' },
] as const;

/** An applicant counts as near the time limit in its last quarter (or past it, before the engine's timer fires). */
const NEAR_FRACTION = 0.25;

/** PGSB carries two of the card's systems; which one failed is the step's. */
const PGSB_SERVICE: Record<string, string> = { Task_CivilRegistry: 'civil_registry', Task_Shahkar: 'shahkar' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The office's lists of work that waits too long and of what failed: review tasks past the reminder time, applicants
 * near their time limit, and the engine's open incidents by outside system. Each row carries the tracking code (the
 * registration's or certificate request's, never a person's data), and links to the reviewers' page and Cockpit.
 */
export function createMonitorWork(deps: {
  db: Db;
  engine: ProcessEngine;
  reader: HistoryReader;
  config: WorkConfig;
  now: () => Date;
}) {
  const { db, engine, config } = deps;
  const cockpit = (id: string, tab?: string) => cockpitInstanceLink(config.ENGINE_WEBAPP_URL, id, tab);

  async function trackingCodes(ids: string[]) {
    const keys = [...new Set(ids.filter((k) => UUID.test(k)))];
    if (!keys.length) return new Map<string, string>();
    const [r, c] = await Promise.all([
      db('registrations').whereIn('id', keys).select('id', 'tracking_code'),
      db('certificate_requests').whereIn('id', keys).select('id', 'tracking_code'),
    ]);
    return new Map([...r, ...c].map((x) => [x.id as string, x.tracking_code as string]));
  }

  async function overdue() {
    const now = deps.now().getTime();
    const reminderMs = durationMs(config.REVIEW_REMINDER);
    // Only the reviews past the reminder time: the engine selects them, so a long queue is not read whole.
    const reviews = await engine.tasksOf({
      taskDefinitionKey: USER_TASKS.review,
      createdUpTo: new Date(now - reminderMs),
    });
    const waits = await Promise.all(
      APPLICANT_WAITS.map(async (w) => {
        const [tasks, timers] = await Promise.all([
          engine.tasksOf({ taskDefinitionKey: w.task }),
          engine.timersAt(w.timer),
        ]);
        const due = new Map(timers.map((t) => [t.processInstanceId, t.dueDate]));
        const limitMs = durationMs(config[w.limit]);
        return tasks.flatMap((t) => {
          const at = due.get(t.processInstanceId);
          if (!at || Date.parse(at) - now > limitMs * NEAR_FRACTION) return [];
          return [{ kind: w.kind, task: t, dueAt: new Date(at).toISOString() }];
        });
      }),
    );
    const codes = await trackingCodes([...reviews, ...waits.flat().map((w) => w.task)].map((t) => t.businessKey ?? ''));
    const row = (kind: string, t: (typeof reviews)[number], dueAt: string | null) => ({
      kind,
      registrationId: t.businessKey,
      trackingCode: (t.businessKey && codes.get(t.businessKey)) ?? null,
      processInstanceId: t.processInstanceId,
      since: new Date(t.created).toISOString(),
      waitingSeconds: Math.max(0, Math.round((now - Date.parse(t.created)) / 1000)),
      dueAt,
      reviewUrl: kind === 'review' && t.businessKey ? reviewLink(config.PUBLIC_BASE_URL, t.businessKey) : null,
      cockpitUrl: cockpit(t.processInstanceId),
    });
    const items = [
      ...reviews.map((t) => row('review', t, new Date(Date.parse(t.created) + reminderMs).toISOString())),
      ...waits.flat().map((w) => row(w.kind, w.task, w.dueAt)),
    ].sort((a, b) => a.since.localeCompare(b.since));
    return { reviewReminder: config.REVIEW_REMINDER, items };
  }

  async function incidents() {
    const now = deps.now().getTime();
    // The failure itself, not its echo on the call activity of the registration that called the review.
    const open = (await engine.incidents({ maxResults: 10_000, sortBy: 'incidentTimestamp', sortOrder: 'asc' })).filter(
      (i) => !i.rootCauseIncidentId || i.rootCauseIncidentId === i.id,
    );
    const keys = await deps.reader.businessKeys([...new Set(open.map((i) => i.processInstanceId!))]);
    const codes = await trackingCodes([...keys.values()]);
    const items = open.map((i) => {
      const message = i.incidentMessage ?? '';
      const code = incidentCode(message);
      const system = incidentSystem(message);
      const activityId = i.activityId ?? '';
      const key = keys.get(i.processInstanceId!);
      return {
        id: i.id!,
        system: system === 'pgsb' ? (PGSB_SERVICE[activityId] ?? 'pgsb') : system,
        code,
        explanation: incidentExplanation(code),
        activityId,
        processInstanceId: i.processInstanceId!,
        trackingCode: (key && codes.get(key)) ?? null,
        openSince: new Date(i.incidentTimestamp!).toISOString(),
        openSeconds: Math.max(0, Math.round((now - Date.parse(i.incidentTimestamp!)) / 1000)),
        cockpitUrl: cockpit(i.processInstanceId!, 'incidents-tab'),
      };
    });
    const bySystem: Record<string, number> = {};
    for (const i of items) bySystem[i.system] = (bySystem[i.system] ?? 0) + 1;
    return { bySystem, items };
  }

  return { overdue, incidents };
}

export type MonitorWork = ReturnType<typeof createMonitorWork>;
