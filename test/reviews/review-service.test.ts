import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceEngine } from '../../adapters/engine/connect.js';
import { REVIEW_PROCESS_ID } from '../../adapters/engine/process-model.js';
import type { StaffPrincipal } from '../../api/auth/staff-auth.js';
import { createReviewService } from '../../api/reviews/review-service.js';
import { insertApplicantData, insertRegistration, manualClock, testDatabase } from '../support/database.js';
import { letterPdf } from '../../ops/fixtures/applicants.js';

const { db, config } = testDatabase();
const engine = serviceEngine(config);
const clock = manualClock(new Date());
const reviews = createReviewService({ db, engine, config, now: clock.now });
const reviewer = { staffId: randomUUID(), username: 'rev.sara', role: 'reviewer' as const };
const supervisor = { staffId: randomUUID(), username: 'sup.ali', role: 'supervisor' as const };
const started: string[] = [];
afterAll(async () => {
  await Promise.all(started.map((p) => engine.cancel(p)));
  await db.destroy();
});

/** A request waiting for review: its row, and the review process started in the engine for it (no workers run here). */
async function waiting() {
  const since = new Date();
  const id = await insertRegistration(db, {
    status: 'under-review',
    review_started_at: since,
    submitted_at: since,
    verified_at: since,
  });
  const data = await insertApplicantData(db, id);
  await db('registrations').where({ id }).update({ agency_national_id: data.agencyNationalId });
  const { tracking_code: trackingCode } = await db('registrations').where({ id }).first();
  // What step 10 passes: the ids, and the case's label the review task is named by.
  const instance = await engine.start(REVIEW_PROCESS_ID, id, {
    registrationId: id,
    reviewReminder: 'P2D',
    agencyName: data.agencyName,
    trackingCode,
    reviewUrl: `http://localhost:3000/review/#${id}`,
  });
  started.push(instance.id);
  const [task] = await engine.openTasks(id);
  return { id, data, trackingCode: trackingCode as string, instanceId: instance.id, created: new Date(task!.created) };
}
/** The queue's first page, as large as a page may be: this file's requests are the only ones open. */
const firstPage = (staff: StaffPrincipal = reviewer) => reviews.queue(staff, { page: 1, pageSize: 100 });
const plus2Days = (d: Date) => new Date(d.getTime() + 2 * 86_400_000).toISOString();

let older: Awaited<ReturnType<typeof waiting>>;
let newer: Awaited<ReturnType<typeof waiting>>;
beforeAll(async () => {
  older = await waiting();
  await new Promise((r) => setTimeout(r, 20));
  newer = await waiting();
  await db('inquiries').insert([
    {
      registration_id: older.id,
      service: 'civil-registry',
      task_id: `${older.instanceId}-1`,
      message_id: 'm1',
      outcome: 'no_match',
      at: new Date('2026-01-09T08:00:00Z'),
    },
    {
      registration_id: older.id,
      service: 'civil-registry',
      task_id: `${older.instanceId}-2`,
      message_id: 'm2',
      outcome: 'match',
      at: new Date('2026-01-09T08:30:00Z'),
    },
    {
      registration_id: older.id,
      service: 'shahkar',
      task_id: `${older.instanceId}-3`,
      message_id: 'm3',
      outcome: 'match',
      at: new Date('2026-01-09T08:31:00Z'),
    },
  ]);
});

describe('the review queue', () => {
  it("lists the engine's open review tasks oldest first, each due REVIEW_REMINDER (2 days) after it arrived", async () => {
    const mine = (await firstPage()).items.filter((q) => [older.id, newer.id].includes(q.registrationId));
    expect(mine).toEqual([
      {
        registrationId: older.id,
        trackingCode: older.trackingCode,
        agency: { name: older.data.agencyName, nationalId: older.data.agencyNationalId },
        waitingSince: older.created.toISOString(),
        dueAt: plus2Days(older.created),
        overdue: false,
      },
      {
        registrationId: newer.id,
        trackingCode: newer.trackingCode,
        agency: { name: newer.data.agencyName, nationalId: newer.data.agencyNationalId },
        waitingSince: newer.created.toISOString(),
        dueAt: plus2Days(newer.created),
        overdue: false,
      },
    ]);
  });

  it('marks a request overdue once its reminder time has passed', async () => {
    clock.set(new Date(Date.now() + 3 * 86_400_000));
    try {
      const page = await firstPage();
      expect(page.items.filter((q) => q.registrationId === older.id)[0]).toMatchObject({ overdue: true });
      // Both of this file's requests are past their reminder time now, and counted so.
      expect(page.overdue).toBe(page.total);
      expect(page.total).toBeGreaterThanOrEqual(2);
    } finally {
      clock.set(new Date());
    }
  });

  it('is refused to a supervisor (403), as are detail, letter and decision', async () => {
    for (const call of [
      firstPage(supervisor),
      reviews.detail(supervisor, older.id),
      reviews.letter(supervisor, older.id),
      reviews.decide({ registrationId: older.id, staff: supervisor, decision: 'approve' }),
    ]) {
      await expect(call).rejects.toMatchObject({ code: 'forbidden', statusCode: 403 });
    }
  });
});

describe('one request', () => {
  it('shows agency, representative, the latest registry and Shahkar answers and the letter, and audits the viewing', async () => {
    const d = await reviews.detail(reviewer, older.id);
    expect(d).toMatchObject({
      registrationId: older.id,
      status: 'under-review',
      review: { open: true, dueAt: plus2Days(older.created) },
      agency: { name: older.data.agencyName, nationalId: older.data.agencyNationalId },
      representative: {
        nationalCode: older.data.nationalCode,
        lastName: older.data.lastName,
        mobile: older.data.mobile,
        position: older.data.representativePosition,
      },
      inquiries: { civilRegistry: { outcome: 'match', at: '2026-01-09T08:30:00.000Z' }, shahkar: { outcome: 'match' } },
      letter: { fileName: 'letter.pdf', mimeType: 'application/pdf', sizeBytes: letterPdf.length },
    });
    const letter = await reviews.letter(reviewer, older.id);
    expect(letter.content.equals(letterPdf)).toBe(true);
    const actions = await db('audit_log').where({ registration_id: older.id, actor: 'staff:rev.sara' }).pluck('action');
    expect(actions).toEqual(expect.arrayContaining(['review_viewed', 'letter_viewed']));
  });

  it('is not shown before it reached review (404)', async () => {
    const early = await insertRegistration(db, { status: 'applicant-data' });
    await expect(reviews.detail(reviewer, early)).rejects.toMatchObject({ code: 'not_found', statusCode: 404 });
    await expect(reviews.letter(reviewer, early)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('a decision', () => {
  it('without a valid decision, or a rejection without a listed reason, is 422 naming the field', async () => {
    await expect(
      reviews.decide({ registrationId: older.id, staff: reviewer, decision: 'maybe' }),
    ).rejects.toMatchObject({ statusCode: 422, fields: [{ field: 'decision', code: 'decision_invalid' }] });
    await expect(
      reviews.decide({ registrationId: older.id, staff: reviewer, decision: 'reject', reason: 'because' }),
    ).rejects.toMatchObject({ statusCode: 422, fields: [{ field: 'reason', code: 'rejection_reason_required' }] });
  });

  it('on a request with no open review task is 409 review_closed; on an unknown one 404', async () => {
    const decided = await insertRegistration(db, { status: 'registered', review_started_at: new Date() });
    await expect(
      reviews.decide({ registrationId: decided, staff: reviewer, decision: 'approve' }),
    ).rejects.toMatchObject({ code: 'review_closed', statusCode: 409 });
    await expect(
      reviews.decide({ registrationId: randomUUID(), staff: reviewer, decision: 'approve' }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('whose task the engine no longer has (the instance was cancelled) is 409 review_closed, with no reviewer recorded', async () => {
    const gone = await waiting();
    await engine.cancel(gone.instanceId);
    await expect(
      reviews.decide({ registrationId: gone.id, staff: reviewer, decision: 'approve' }),
    ).rejects.toMatchObject({ code: 'review_closed', statusCode: 409 });
    expect(await db('audit_log').where({ registration_id: gone.id, action: 'review_decision_submitted' })).toEqual([]);
    expect((await firstPage()).items.map((q) => q.registrationId)).not.toContain(gone.id);
  });
});
