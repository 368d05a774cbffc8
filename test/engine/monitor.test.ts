import { describe, expect, it } from 'vitest';
import { PROCESS_ID } from '../../adapters/engine/process-model.js';
import { createRegistrationService } from '../../api/registrations/registration-service.js';
import { gregorianBucket, jalaliBucket } from '../../domain/jalali-date.js';
import { engineRecords } from '../support/engine-records.js';
import { useApiOnStack } from '../support/lifecycle.js';
import { staffToken, withToken } from '../support/staff.js';
import { rollUpPendingDays } from '../../workers/monitor/daily-rollup.js';

const ctx = useApiOnStack();
const DAY = 86_400_000;

type Element = {
  id: string;
  waitingNow: number;
  passes: number;
  instances: number;
  medianMs: number | null;
  p90Ms: number | null;
};
type Flow = { id: string; sourceId: string; taken: number; share: number | null };
type Figures = { elements: Element[]; flows: Flow[]; days: Record<string, number> };

async function get<T>(token: string, url: string) {
  const res = await ctx.app.inject({ url, ...withToken(token) });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

/** Today in Tehran, as the office writes it (Jalali), on the app's clock. */
const today = () => jalaliBucket(ctx.stack.clock.now(), 'day');
const figuresToday = (token: string) =>
  get<Figures>(token, `/api/monitor/figures?process=${PROCESS_ID}&from=${today()}&to=${today()}`);
const flowTaken = (f: Figures) => Object.fromEntries(f.flows.map((x) => [x.id, x.taken]));
const delta = (after: Figures, before: Figures) => {
  const b = flowTaken(before);
  return Object.fromEntries(
    Object.entries(flowTaken(after))
      .map(([k, v]) => [k, v - (b[k] ?? 0)])
      .filter(([, v]) => v),
  );
};

/** The observation of rank ⌊q·(n−1)⌋, as the digest reads it. */
const exact = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.floor(q * (values.length - 1))]!;

describe("the office's monitor, on a history made by driving the real engine", () => {
  it('counts, times and flow shares of today match what the engine recorded; overdue work and an incident are listed', async () => {
    const { stack, applicant } = ctx;
    const supervisor = await staffToken(ctx.app, stack.db, 'supervisor');
    const before = await figuresToday(supervisor);

    // Given: one registered, one rejected after a wrong captcha, one back to step 3 (no civil-registry match),
    // one expired at step 3 through a short time limit, one waiting for review, one stuck at Shahkar (PGSB down).
    const registered = await applicant.untilReview();
    await applicant.decide(registered.id, { decision: 'approve' });
    const rejected = await applicant.begin();
    await applicant.submit(rejected.id, { captchaRight: false });
    await applicant.step(rejected.id, 'applicant-data');
    await applicant.submit(rejected.id);
    await applicant.step(rejected.id, 'otp');
    await stack.steps.enterOtp(rejected.id, await applicant.latestCode(rejected.applicant.mobile));
    await applicant.inReviewQueue(rejected.id);
    await applicant.decide(rejected.id, { decision: 'reject', rejectionReason: 'letter_unsigned' });
    const back = await applicant.begin({ known: false });
    await applicant.submit(back.id);
    await applicant.step(back.id, 'applicant-data');
    const shortLimit = createRegistrationService({
      ...stack.serviceDeps,
      config: { ...stack.config, APPLICANT_TIMEOUT: 'PT2S' },
    });
    const expired = await shortLimit.start();
    const waiting = await applicant.untilReview();
    await stack.sim.pgsbFault('shahkar', 'timeout');
    const stuck = await applicant.begin();
    await applicant.submit(stuck.id);
    await stack.eventually(
      () => engineRecords(stack.engine).incidents(stuck.id),
      (i) => i.length > 0,
      40_000,
    );
    await stack.sim.clearPgsbFaults();
    await applicant.step(registered.id, 'registered');
    await applicant.step(rejected.id, 'rejected');
    await stack.eventually(
      () => stack.view(expired.id),
      (v) => v.step === 'expired',
      30_000,
    );

    // Then: each flow was taken as often as the paths above took it.
    const after = await figuresToday(supervisor);
    expect(delta(after, before)).toMatchObject({
      Flow_Start: 6,
      Flow_CaptchaWrong: 1,
      Flow_CivilRegistryNoMatch: 1,
      Flow_ApplicantDataExpired: 1,
      Flow_Approved: 1,
      Flow_Rejected: 1,
      Flow_OtpRight: 3,
      Flow_ToEndRegistered: 1,
      Flow_ToEndRejected: 1,
      Flow_ToEndExpired: 1,
    });
    expect(delta(after, before)).not.toHaveProperty('Flow_ShahkarNoMatch');
    // Every flow's share is of all flows taken out of its source that day.
    const out = (source: string) => after.flows.filter((f) => f.sourceId === source).reduce((a, f) => a + f.taken, 0);
    const captchaWrong = after.flows.find((f) => f.id === 'Flow_CaptchaWrong')!;
    expect(captchaWrong.share).toBeCloseTo(captchaWrong.taken / out('Gateway_CaptchaCorrect'), 10);

    // Each element's visits and times are those of the engine's own history of today (read over its REST API).
    const from = new Date(Date.parse(`${gregorianBucket(stack.clock.now(), 'day')}T00:00:00+03:30`));
    const latestId = (await stack.engine.definitions([PROCESS_ID])).sort((a, b) => b.version - a.version)[0]!.id;
    const visits = await stack.engine.historicActivities(
      { processDefinitionId: latestId, finished: true, finishedAfter: from.toISOString().replace('Z', '+0000') },
      { maxResults: 100_000 },
    );
    const open = await stack.engine.historicActivities({ processDefinitionId: latestId, unfinished: true }, {});
    for (const e of after.elements) {
      const mine = visits.filter((v) => v.activityId === e.id);
      expect(e.passes, e.id).toBe(mine.length);
      expect(e.waitingNow, e.id).toBe(open.filter((v) => v.activityId === e.id).length);
      if (!mine.length) continue;
      const ms = mine.map((v) => v.durationInMillis ?? 0);
      for (const [q, got] of [
        [0.5, e.medianMs],
        [0.9, e.p90Ms],
      ] as const)
        expect(Math.abs(got! - exact(ms, q)), `${e.id} q${q}`).toBeLessThanOrEqual(exact(ms, q) * 0.011 + 1);
    }
    expect(after.elements.find((e) => e.id === 'Task_ApplicantData')!.waitingNow).toBeGreaterThanOrEqual(1);
    expect(after.elements.find((e) => e.id === 'Task_Shahkar')!.waitingNow).toBeGreaterThanOrEqual(1);
    expect(after.elements.find((e) => e.id === 'Call_Review')!.waitingNow).toBeGreaterThanOrEqual(1);

    // The stuck inquiry is listed under Shahkar with its Persian explanation and the Cockpit link to retry.
    const incidents = await get<{ items: Record<string, unknown>[] }>(supervisor, '/api/monitor/incidents');
    const code = (await stack.db('registrations').where({ id: stuck.id }).first()).tracking_code;
    expect(incidents.items.find((i) => i.trackingCode === code)).toMatchObject({
      system: 'shahkar',
      code: 'PGSB_TIMEOUT',
      activityId: 'Task_Shahkar',
      explanation: { fa: expect.stringContaining('PGSB'), en: expect.stringContaining('PGSB') },
      cockpitUrl: expect.stringMatching(
        /\/app\/cockpit\/default\/#\/process-instance\/[^/]+\/runtime\?tab=incidents-tab$/,
      ),
    });

    // Two and a half days on, the review waiting is past REVIEW_REMINDER (P2D), and the applicant sent back to step 3
    // is in the last quarter of APPLICANT_TIMEOUT (P3D): both listed, oldest first, with tracking code and links.
    stack.clock.advance(2.5 * DAY);
    try {
      // A staff session lasts a working day: the supervisor signs in again.
      const later = await staffToken(ctx.app, stack.db, 'supervisor');
      const overdue = await get<{ items: Record<string, string | number | null>[] }>(later, '/api/monitor/overdue');
      const codeOf = async (id: string) => (await stack.db('registrations').where({ id }).first()).tracking_code;
      const review = overdue.items.find((i) => i.registrationId === waiting.id);
      expect(review).toMatchObject({
        kind: 'review',
        trackingCode: await codeOf(waiting.id),
        reviewUrl: expect.stringMatching(new RegExp(`/review/#${waiting.id}$`)),
        cockpitUrl: expect.stringContaining('/app/cockpit/default/#/process-instance/'),
      });
      expect(overdue.items.find((i) => i.registrationId === back.id)).toMatchObject({
        kind: 'applicant-data',
        trackingCode: await codeOf(back.id),
        reviewUrl: null,
      });
      const since = overdue.items.map((i) => String(i.since));
      expect(since).toEqual([...since].sort());
      expect(JSON.stringify(overdue)).not.toContain(waiting.applicant.nationalCode);
    } finally {
      stack.clock.advance(-2.5 * DAY);
    }

    // A day on, today is a closed day: rolled up into our database, and read from there with the same figures (nothing
    // of this test's has ended since: its instances wait or are stuck).
    stack.clock.advance(DAY);
    try {
      // The nightly job (here called as its scheduler's worker calls it) rolls up the day just over.
      const yesterday = gregorianBucket(new Date(stack.clock.now().getTime() - DAY), 'day');
      const rolledUp = await rollUpPendingDays({ ...stack.serviceDeps, now: stack.clock.now });
      expect(rolledUp).toContain(yesterday);
      expect(await rollUpPendingDays({ ...stack.serviceDeps, now: stack.clock.now })).toEqual([]);
      const tomorrow = await staffToken(ctx.app, stack.db, 'supervisor');
      const dayOf = jalaliBucket(new Date(stack.clock.now().getTime() - DAY), 'day');
      const rolled = await get<Figures>(
        tomorrow,
        `/api/monitor/figures?process=${PROCESS_ID}&from=${dayOf}&to=${dayOf}`,
      );
      expect(rolled.days).toMatchObject({ total: 1, fromRollup: 1, fromHistory: 0, withoutData: 0 });
      const strip = (f: Figures) => f.elements.map(({ waitingNow: _w, ...e }) => e);
      expect(strip(rolled)).toEqual(strip(after));
      expect(flowTaken(rolled)).toEqual(flowTaken(after));
      expect(
        await stack
          .db('monitor_rolled_days')
          .where({ day: gregorianBucket(new Date(stack.clock.now().getTime() - DAY), 'day') }),
      ).toHaveLength(1);
    } finally {
      stack.clock.advance(-DAY);
    }
  });
});
