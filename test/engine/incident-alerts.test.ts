import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMetricsServer } from '../../adapters/metrics/metrics-server.js';
import { startOperationsAlerts } from '../../workers/alerts/operations-alerts.js';
import { sendReviewDigest } from '../../workers/alerts/review-digest.js';
import { useApiOnStack } from '../support/lifecycle.js';

// Short back-offs and polls, so PGSB's retries run out (into an incident) within seconds; the watcher every 300 ms.
const ctx = useApiOnStack({ JOB_RETRY_BACKOFF_MS: '300', ENGINE_LONG_POLL_MS: '2000', INCIDENT_WATCH_MS: '300' });
const queueName = `operations-alerts-test-${randomUUID()}`;
let watcher: ReturnType<typeof startOperationsAlerts> | undefined;
let runs = 0;
let metrics: Awaited<ReturnType<typeof startMetricsServer>>;

/** The incident watcher as a workers process runs it: its job scheduler on this file's own queue. */
function startWatcher() {
  watcher = startOperationsAlerts({ ...ctx.stack.workerDeps, engine: ctx.stack.engine }, queueName);
  watcher.worker.on('completed', () => runs++);
  return watcher;
}
/** Waits for `n` more runs of the watcher, so a test sees what they did (or did not) send. */
async function watcherRuns(n: number) {
  const until = runs + n;
  await ctx.stack.eventually(
    async () => runs,
    (r) => r >= until,
    15_000,
  );
}
const alertMails = () => ctx.stack.sim.mailTo(ctx.stack.config.ALERT_EMAIL_TO);
const pgsbIncidents = async () => (await ctx.stack.engine.openIncidents()).filter((i) => i.message.startsWith('PGSB_'));

beforeAll(async () => {
  // The watcher's memory is the shared test database's: start this file from a quiet one.
  await ctx.stack.db('incident_alert_state').delete();
  metrics = await startMetricsServer(ctx.app.metricsRegistry, '127.0.0.1', 0, { defaults: false });
});
afterEach(() => ctx.stack.sim.clearPgsbFaults());
afterAll(async () => {
  await watcher?.close();
  await metrics?.close();
  await ctx.stack?.db('incident_alert_state').delete();
});

describe('the IT office is alerted of incidents by e-mail, through the notice outbox', () => {
  it('PGSB cut: one alert naming the system, the card step, the registrations waiting and Cockpit; none for a second incident within the hour, nor after a restart; one all-clear once retried', async () => {
    // Given PGSB answering errors to every civil-registry inquiry, and the watcher running
    await ctx.stack.sim.pgsbFault('civil-registry', 'error');
    startWatcher();

    // When a registration is submitted, its inquiry's retries run out and the engine raises an incident
    const first = await ctx.applicant.begin();
    await ctx.applicant.submit(first.id);
    const [incident] = await ctx.stack.eventually(pgsbIncidents, (i) => i.length === 1, 40_000);

    // Then exactly one e-mail reaches the IT office, naming PGSB, step 7, one registration waiting and Cockpit
    const [alert] = await ctx.stack.eventually(alertMails, (m) => m.length >= 1, 20_000);
    expect(alert!.subject).toContain('PGSB');
    expect(alert!.subject).toContain('هشدار');
    const code = /^([A-Z_]+):/.exec(incident!.message)![1]!;
    expect(alert!.text).toContain(`کد خطا: ${code}`);
    expect(alert!.text).toContain(`Error code: ${code}`);
    expect(alert!.text).toContain(
      'گام 7 کارت فرایند (7 · استعلام ثبت احوال از بستر PGSB): 1 حادثه باز، 1 ثبت نام در انتظار',
    );
    expect(alert!.text).toContain(
      'Card step 7 (7 · استعلام ثبت احوال از بستر PGSB): 1 open incident(s), 1 registration(s) waiting',
    );
    const webapps = ctx.stack.config.ENGINE_WEBAPP_URL;
    expect(alert!.text).toContain(
      `${webapps}/app/cockpit/default/#/process-instance/${incident!.processInstanceId}/runtime?tab=incidents-tab`,
    );
    expect(alert!.text).toContain(
      `${webapps}/app/cockpit/default/#/process-definition/${incident!.processDefinitionId}/runtime?tab=incidents-tab`,
    );
    // What to press, in the words the Persian Cockpit shows on the button.
    expect(alert!.text).toContain('روی حادثه «تلاش دوباره» (Retry) را بزنید');
    // Ids, codes, counts and links only: nothing of the applicant.
    for (const personal of [
      first.applicant.nationalCode,
      first.applicant.mobile,
      first.applicant.firstName,
      first.applicant.lastName,
      first.applicant.email,
    ])
      expect(alert!.text).not.toContain(personal);

    // When a second registration fails on PGSB within the hour
    const second = await ctx.applicant.begin();
    await ctx.applicant.submit(second.id);
    await ctx.stack.eventually(pgsbIncidents, (i) => i.length === 2, 40_000);
    await watcherRuns(3);
    // Then no second e-mail
    expect(await alertMails()).toHaveLength(1);

    // And a restart of the watcher repeats nothing: what it sent is remembered in PostgreSQL
    await watcher!.close();
    startWatcher();
    await watcherRuns(3);
    expect(await alertMails()).toHaveLength(1);

    // And /metrics shows both incidents under PGSB at the civil-registry step, with the registrations waiting
    const text = await (await fetch(metrics.url)).text();
    expect(text).toContain('payam_incidents_open{system="pgsb",activity="Task_CivilRegistry"} 2');
    expect(Number(/^payam_registrations\{state="verifying"\} (\d+)/m.exec(text)?.[1])).toBeGreaterThanOrEqual(2);
    expect(text).toContain('payam_incident_alerts_active{system="pgsb"} 1');

    // When PGSB is back and each incident is retried as Cockpit does it
    await ctx.stack.sim.clearPgsbFaults();
    for (const i of await ctx.stack.engine.incidents({ incidentType: 'failedExternalTask' }))
      if (i.incidentMessage?.startsWith('PGSB_')) await ctx.stack.engine.setExternalTaskRetries(i.configuration!, 1);

    // Then both registrations go on, and one all-clear follows
    await ctx.applicant.step(first.id, 'otp');
    await ctx.applicant.step(second.id, 'otp');
    const mails = await ctx.stack.eventually(alertMails, (m) => m.length >= 2, 20_000);
    expect(mails[1]!.subject).toBe(
      'رفع شد: گذرگاه خدمات دولت (PGSB): ثبت احوال و شاهکار — Resolved: Government Service Bus (PGSB): civil registry and Shahkar',
    );
    expect(mails[1]!.text).toContain(
      'Every incident at "Government Service Bus (PGSB): civil registry and Shahkar" is resolved',
    );
    await watcherRuns(3);
    expect(await alertMails()).toHaveLength(2);

    // Both went through the outbox, each sent once under the Message-ID fixed at its first claim
    const notices = await ctx.stack.db('notifications').whereNotNull('alert_id').orderBy('created_at');
    expect(notices.map((n) => [n.template, n.status, n.registration_id])).toEqual([
      ['incident-alert', 'sent', null],
      ['incident-all-clear', 'sent', null],
    ]);
    expect(mails.map((m) => m.messageId)).toEqual(notices.map((n) => n.message_id));
  });
});

describe('the reviewers are told once a day of reviews waiting past REVIEW_REMINDER', () => {
  it('one digest e-mail a day to the reviewers’ mailbox, naming each overdue request by tracking code and link', async () => {
    // Given a registration in the reviewers' queue
    const { id, applicant } = await ctx.applicant.untilReview();
    const [task] = await ctx.stack.engine.openTasks(id);
    const deps = { ...ctx.stack.workerDeps, engine: ctx.stack.engine };
    // /metrics counts it in the queue, not yet overdue
    const figures = await (await fetch(metrics.url)).text();
    const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(figures)?.[1]);
    expect(value('payam_reviews_open')).toBeGreaterThanOrEqual(1);
    expect(value('payam_review_oldest_age_seconds')).toBeGreaterThan(0);
    expect(value('payam_reviews_overdue')).toBe(0);
    // Not yet past REVIEW_REMINDER (2 days): no digest
    expect(await sendReviewDigest(deps)).toBeUndefined();

    // When the digest runs three days on, twice that day
    const later = new Date(new Date(task!.created).getTime() + 3 * 86_400_000);
    const notice = await sendReviewDigest({ ...deps, now: () => later });
    expect(await sendReviewDigest({ ...deps, now: () => new Date(later.getTime() + 60_000) })).toBe(notice);

    // Then one e-mail reaches the reviewers' mailbox, naming the request, and nothing personal
    const mailbox = ctx.stack.config.REVIEW_MAILBOX;
    const [mail] = await ctx.stack.eventually(
      () => ctx.stack.sim.mailTo(mailbox),
      (m) => m.some((x) => x.subject.includes('overdue')),
    );
    const { tracking_code } = await ctx.stack.db('registrations').where({ id }).first('tracking_code');
    expect(mail!.subject).toMatch(
      /^\d+ درخواست بیش از مهلت یادآوری در انتظار بررسی — \d+ review\(s\) overdue \(\d{4}-\d\d-\d\d\)$/,
    );
    expect(mail!.text).toContain(`- ${tracking_code} (${id}), ${new Date(task!.created).toISOString()}: `);
    expect(mail!.text).toContain(`${ctx.stack.config.PUBLIC_BASE_URL}/review/#${id}`);
    for (const personal of [applicant.nationalCode, applicant.mobile, applicant.lastName, applicant.agencyName])
      expect(mail!.text).not.toContain(personal);
    await new Promise((r) => setTimeout(r, 500));
    expect((await ctx.stack.sim.mailTo(mailbox)).filter((m) => m.subject.includes('overdue'))).toHaveLength(1);

    // And the next day has a digest of its own
    const nextDay = await sendReviewDigest({ ...deps, now: () => new Date(later.getTime() + 86_400_000) });
    expect(nextDay).not.toBe(notice);
  });
});
