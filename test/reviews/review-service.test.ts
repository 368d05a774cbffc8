import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createZeebeClient } from '../../adapters/camunda/camunda-client.js';
import { USER_TASKS } from '../../adapters/camunda/process-model.js';
import { createReviewService } from '../../api/reviews/review-service.js';
import { insertApplicantData, insertRegistration, manualClock, testDatabase } from '../support/database.js';
import { letterPdf } from '../support/fixtures.js';

const { db, config } = testDatabase();
const zeebe = createZeebeClient(config);
const clock = manualClock(new Date('2026-01-12T08:00:00Z'));
const reviews = createReviewService({ db, zeebe, config, now: clock.now });
const reviewer = { staffId: randomUUID(), username: 'rev.sara', role: 'reviewer' as const };
const supervisor = { staffId: randomUUID(), username: 'sup.ali', role: 'supervisor' as const };
afterAll(async () => {
  await zeebe.close();
  await db.destroy();
});

/** A request waiting for review since `since`, with a review task whose job key is made up. */
async function waiting(since: string) {
  const id = await insertRegistration(db, { status: 'under-review', review_started_at: new Date(since), submitted_at: new Date(since), verified_at: new Date(since) });
  const data = await insertApplicantData(db, id);
  await db('registrations').where({ id }).update({ agency_national_id: data.agencyNationalId });
  // On partition 1 (keys carry their partition in the high bits), far beyond any job the broker made.
  const jobKey = String(2 ** 51 + 10 ** 12 + Math.floor(Math.random() * 1e9));
  await db('user_tasks').insert({ job_key: jobKey, process_instance_key: jobKey, element_id: USER_TASKS.review, registration_id: id, state: 'open', created_at: new Date(since) });
  return { id, data, jobKey };
}

let older: Awaited<ReturnType<typeof waiting>>;
let newer: Awaited<ReturnType<typeof waiting>>;
beforeAll(async () => {
  newer = await waiting('2026-01-11T09:00:00Z');
  older = await waiting('2026-01-09T09:00:00Z');
  await db('inquiries').insert([
    { registration_id: older.id, service: 'civil-registry', job_key: `${older.jobKey}1`, message_id: 'm1', outcome: 'no_match', at: new Date('2026-01-09T08:00:00Z') },
    { registration_id: older.id, service: 'civil-registry', job_key: `${older.jobKey}2`, message_id: 'm2', outcome: 'match', at: new Date('2026-01-09T08:30:00Z') },
    { registration_id: older.id, service: 'shahkar', job_key: `${older.jobKey}3`, message_id: 'm3', outcome: 'match', at: new Date('2026-01-09T08:31:00Z') },
  ]);
});

describe('the review queue', () => {
  it('lists open requests oldest first, each due REVIEW_REMINDER (2 days) after it arrived', async () => {
    const mine = (await reviews.queue(reviewer)).filter((q) => [older.id, newer.id].includes(q.registrationId));
    expect(mine).toEqual([
      { registrationId: older.id, agency: { name: older.data.agencyName, nationalId: older.data.agencyNationalId }, waitingSince: '2026-01-09T09:00:00.000Z', dueAt: '2026-01-11T09:00:00.000Z', overdue: true },
      { registrationId: newer.id, agency: { name: newer.data.agencyName, nationalId: newer.data.agencyNationalId }, waitingSince: '2026-01-11T09:00:00.000Z', dueAt: '2026-01-13T09:00:00.000Z', overdue: false },
    ]);
  });

  it('is refused to a supervisor (403), as are detail, letter and decision', async () => {
    for (const call of [reviews.queue(supervisor), reviews.detail(supervisor, older.id), reviews.letter(supervisor, older.id), reviews.decide({ registrationId: older.id, staff: supervisor, decision: 'approve' })]) {
      await expect(call).rejects.toMatchObject({ code: 'forbidden', statusCode: 403 });
    }
  });
});

describe('one request', () => {
  it('shows agency, representative, the latest registry and Shahkar answers and the letter, and audits the viewing', async () => {
    const d = await reviews.detail(reviewer, older.id);
    expect(d).toMatchObject({
      registrationId: older.id, status: 'under-review', review: { open: true, dueAt: '2026-01-11T09:00:00.000Z' },
      agency: { name: older.data.agencyName, nationalId: older.data.agencyNationalId },
      representative: { nationalCode: older.data.nationalCode, lastName: older.data.lastName, mobile: older.data.mobile, position: older.data.representativePosition },
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
    await expect(reviews.decide({ registrationId: older.id, staff: reviewer, decision: 'maybe' })).rejects.toMatchObject({ statusCode: 422, fields: [{ field: 'decision', code: 'decision_invalid' }] });
    await expect(reviews.decide({ registrationId: older.id, staff: reviewer, decision: 'reject', reason: 'because' })).rejects.toMatchObject({ statusCode: 422, fields: [{ field: 'reason', code: 'rejection_reason_required' }] });
  });

  it('on a request with no open review task is 409 review_closed; on an unknown one 404', async () => {
    const decided = await insertRegistration(db, { status: 'registered', review_started_at: new Date() });
    await expect(reviews.decide({ registrationId: decided, staff: reviewer, decision: 'approve' })).rejects.toMatchObject({ code: 'review_closed', statusCode: 409 });
    await expect(reviews.decide({ registrationId: randomUUID(), staff: reviewer, decision: 'approve' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('whose job vanished from the engine is 409 review_closed, with no reviewer recorded and the task left as it was', async () => {
    await expect(reviews.decide({ registrationId: newer.id, staff: reviewer, decision: 'approve' })).rejects.toMatchObject({ code: 'review_closed', statusCode: 409 });
    expect(await db('audit_log').where({ registration_id: newer.id, action: 'review_decision_submitted' })).toEqual([]);
    expect(await db('user_tasks').where({ job_key: newer.jobKey }).first()).toMatchObject({ state: 'open' });
  });
});
