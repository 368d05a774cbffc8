import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { serviceEngine } from '../../adapters/engine/connect.js';
import { projectProcessIds } from '../../adapters/bpmn/project-processes.js';
import { CERTIFICATE_REQUEST_PROCESS_ID, PROCESS_ID, REVIEW_PROCESS_ID } from '../../adapters/engine/process-model.js';
import { parseReportQuery } from '../../api/reports/report-query.js';
import { createRegistrationReport } from '../../api/reports/registration-report.js';
import { createReviewService } from '../../api/reviews/review-service.js';
import { createLogger } from '../../config/logger.js';
import { PURGE_KINDS } from '../../domain/retention.js';
import { startDailyPurge } from '../../workers/retention/daily-purge.js';
import { purgeExpiredData } from '../../workers/retention/purge-expired-data.js';
import { insertAccount, insertApplicantData, insertRegistration, testDatabase } from '../support/database.js';

const { db, config } = testDatabase();
const engine = serviceEngine(config);
const logger = createLogger({ level: 'silent' });
const deps = { db, engine, config, logger, now: () => new Date() };
afterAll(() => db.destroy());

const DAY = 86_400_000;
const ALL_PROCESSES = [PROCESS_ID, REVIEW_PROCESS_ID, CERTIFICATE_REQUEST_PROCESS_ID];
const ago = (days: number) => new Date(Date.now() - days * DAY);
const reviewer = { staffId: randomUUID(), username: 'rev.retention', role: 'reviewer' as const };
const supervisor = { staffId: randomUUID(), username: 'sup.retention', role: 'supervisor' as const };

/** The audit rows of the latest purge, one per kind. */
async function lastPurgeAudit() {
  const rows = await db('audit_log')
    .where({ action: 'data_purged' })
    .orderBy('id', 'desc')
    .limit(PURGE_KINDS.length)
    .select<
      { registration_id: string | null; actor: string; detail: { kind: string; count: number; before: string } }[]
    >('registration_id', 'actor', 'detail');
  return rows;
}
const countOf = (rows: Awaited<ReturnType<typeof lastPurgeAudit>>, kind: string) =>
  rows.find((r) => r.detail.kind === kind)?.detail.count;

/** A request that ended at `closedDaysAgo`, started in July 2022 (a period no other test uses), with its data, letter and codes. */
async function closed(status: 'rejected' | 'expired' | 'registered', closedDaysAgo: number) {
  const closedAt = ago(closedDaysAgo);
  const id = await insertRegistration(db, {
    status,
    outcome: status,
    outcome_reason: status === 'rejected' ? 'letter_unsigned' : status === 'expired' ? 'expired' : null,
    created_at: new Date('2022-07-05T08:00:00Z'),
    submitted_at: new Date('2022-07-05T08:10:00Z'),
    ...(status === 'expired'
      ? {}
      : {
          verified_at: new Date('2022-07-05T08:20:00Z'),
          review_started_at: new Date('2022-07-05T08:20:00Z'),
          decided_at: closedAt,
        }),
    closed_at: closedAt,
  });
  await insertApplicantData(db, id);
  await db('submissions').insert({
    id: randomUUID(),
    registration_id: id,
    captcha_id: randomUUID(),
    captcha_answer_hash: 'c'.repeat(64),
    captcha_outcome: 'valid',
    created_at: closedAt,
  });
  await db('one_time_codes').insert({
    id: randomUUID(),
    registration_id: id,
    task_id: randomUUID(),
    code_hash: 'o'.repeat(64),
    expires_at: closedAt,
    consumed_at: closedAt,
    created_at: closedAt,
  });
  return id;
}

describe('the daily retention purge', () => {
  it('given rejected and expired requests closed longer ago than RETENTION_UNSUCCESSFUL, when the purge runs, then their personal data and letters are gone and their rows still count in the figures', async () => {
    expect(config.RETENTION_UNSUCCESSFUL).toBe('P90D');
    const rejectedLongAgo = await closed('rejected', 91);
    await db('registrations')
      .where({ id: rejectedLongAgo })
      .update({ outcome_reason: 'other', rejection_text: 'نماینده آقای نمونه مجاز نیست' });
    const expiredLongAgo = await closed('expired', 120);
    const rejectedLately = await closed('rejected', 89);
    const account = await insertAccount(db, 'an account password that is long');
    await db('registrations')
      .where({ id: account.registrationId })
      .update({ closed_at: ago(400), created_at: new Date('2022-07-06T08:00:00Z') });
    const reviews = createReviewService({ db, engine, config, now: () => new Date() });
    expect((await reviews.detail(reviewer, rejectedLongAgo)).representative).not.toBeNull();

    await purgeExpiredData(deps);

    // What a reviewer opening the old rejected request sees now: its outcome, no one's data, no letter.
    const detail = await reviews.detail(reviewer, rejectedLongAgo);
    expect(detail).toMatchObject({ status: 'rejected', representative: null, letter: null, agency: { name: null } });
    expect(detail.review.dataRemovedAt).toEqual(expect.any(String));
    expect(detail.review.rejectionReason).toBe('other');
    expect((await db('registrations').where({ id: rejectedLongAgo }).first()).rejection_text).toBeNull();
    await expect(reviews.letter(reviewer, rejectedLongAgo)).rejects.toMatchObject({ statusCode: 404 });
    for (const id of [rejectedLongAgo, expiredLongAgo]) {
      expect(await db('applicant_data').where({ registration_id: id }).first()).toBeUndefined();
      expect(await db('letters').where({ registration_id: id }).first()).toBeUndefined();
      expect(await db('submissions').where({ registration_id: id }).first()).toBeUndefined();
      expect(await db('one_time_codes').where({ registration_id: id }).first()).toBeUndefined();
      expect((await db('registrations').where({ id }).first()).purged_at).toBeInstanceOf(Date);
    }
    // Not yet due, and a registered agency's data, which its account needs: kept.
    expect((await reviews.detail(reviewer, rejectedLately)).representative).not.toBeNull();
    expect(await db('applicant_data').where({ registration_id: account.registrationId }).first()).toBeDefined();
    expect(await db('letters').where({ registration_id: account.registrationId }).first()).toBeDefined();
    // The supervisor's figures for July 2022 still count every request.
    const report = await createRegistrationReport(db)(
      supervisor,
      parseReportQuery({ from: '2022-07-01', to: '2022-07-31', bucket: 'month', calendar: 'gregorian' }),
    );
    expect(report.total).toMatchObject({
      started: 4,
      successful: 1,
      unsuccessful: expect.objectContaining({ rejected: 2, expired: 1 }),
    });
  });

  it('given captchas, codes, entries and submissions older than RETENTION_CODES, when the purge runs, then they are gone except what an open request may still check', async () => {
    const old = ago(2);
    const open = await insertRegistration(db, { status: 'otp', submitted_at: old });
    const expiredCaptcha = randomUUID();
    const liveCaptcha = randomUUID();
    await db('captchas').insert([
      { id: expiredCaptcha, answer_hash: 'a'.repeat(64), expires_at: old, created_at: old },
      { id: liveCaptcha, answer_hash: 'a'.repeat(64), expires_at: new Date(Date.now() + 60_000) },
    ]);
    const [superseded, inForce] = [randomUUID(), randomUUID()];
    await db('one_time_codes').insert([
      {
        id: superseded,
        registration_id: open,
        task_id: randomUUID(),
        code_hash: 'o'.repeat(64),
        expires_at: old,
        superseded_at: old,
        created_at: old,
      },
      {
        id: inForce,
        registration_id: open,
        task_id: randomUUID(),
        code_hash: 'o'.repeat(64),
        expires_at: old,
        created_at: old,
      },
    ]);
    const [checkedEntry, uncheckedEntry] = [randomUUID(), randomUUID()];
    await db('otp_entries').insert([
      { id: checkedEntry, registration_id: open, code_hash: 'e'.repeat(64), outcome: 'wrong', created_at: old },
      { id: uncheckedEntry, registration_id: open, code_hash: 'e'.repeat(64), created_at: old },
    ]);
    const [checkedSubmission, uncheckedSubmission] = [randomUUID(), randomUUID()];
    await db('submissions').insert([
      {
        id: checkedSubmission,
        registration_id: open,
        captcha_id: expiredCaptcha,
        captcha_answer_hash: 'c'.repeat(64),
        captcha_outcome: 'invalid',
        created_at: old,
      },
      {
        id: uncheckedSubmission,
        registration_id: open,
        captcha_id: liveCaptcha,
        captcha_answer_hash: 'c'.repeat(64),
        created_at: old,
      },
    ]);

    await purgeExpiredData(deps);

    const ids = async (table: string) =>
      (
        await db(table)
          .whereIn('id', [
            expiredCaptcha,
            liveCaptcha,
            superseded,
            inForce,
            checkedEntry,
            uncheckedEntry,
            checkedSubmission,
            uncheckedSubmission,
          ])
          .pluck('id')
      ).sort();
    expect(await ids('captchas')).toEqual([liveCaptcha]);
    expect(await ids('one_time_codes')).toEqual([inForce]);
    expect(await ids('otp_entries')).toEqual([uncheckedEntry]);
    expect(await ids('submissions')).toEqual([uncheckedSubmission]);
    const audit = await lastPurgeAudit();
    expect(countOf(audit, 'captchas')).toBe(1);
    expect(countOf(audit, 'one_time_codes')).toBe(1);
    expect(countOf(audit, 'otp_entries')).toBe(1);
    expect(countOf(audit, 'submissions')).toBe(1);

    // Once the request has closed, what was spared goes too.
    await db('registrations').where({ id: open }).update({ status: 'expired', closed_at: new Date() });
    await purgeExpiredData(deps);
    expect(await ids('one_time_codes')).toEqual([]);
    expect(await ids('otp_entries')).toEqual([]);
    expect(await ids('submissions')).toEqual([]);
  });

  it('given staff and account sessions that expired or were ended, when the purge runs, then they are gone and live ones stay', async () => {
    const subject = randomUUID();
    const session = (expiresAt: Date, revokedAt: Date | null = null) => ({
      id: randomUUID(),
      kind: 'staff',
      subject_id: subject,
      token_hash: randomUUID().replace(/-/g, '').padEnd(64, '0'),
      expires_at: expiresAt,
      revoked_at: revokedAt,
    });
    const [expired, ended, live] = [
      session(ago(1 / 24)),
      session(new Date(Date.now() + 3_600_000), ago(1 / 24)),
      session(new Date(Date.now() + 3_600_000)),
    ];
    await db('auth_sessions').insert([expired, ended, live]);

    await purgeExpiredData(deps);

    expect(await db('auth_sessions').where({ subject_id: subject }).pluck('id')).toEqual([live.id]);
    expect(countOf(await lastPurgeAudit(), 'sessions')).toBeGreaterThanOrEqual(2);
  });

  it('given a purge, when the audit log is read, then each kind has its row with how many and the cutoff, and no row says whose', async () => {
    const before = new Date();
    await purgeExpiredData(deps);

    const rows = await lastPurgeAudit();
    expect(rows.map((r) => r.detail.kind).sort()).toEqual([...PURGE_KINDS].sort());
    for (const r of rows) {
      expect(r).toMatchObject({ registration_id: null, actor: 'system:retention' });
      expect(Object.keys(r.detail).sort()).toEqual(['before', 'count', 'kind']);
      expect(r.detail.count).toBeGreaterThanOrEqual(0);
      expect(new Date(r.detail.before).getTime()).toBeLessThanOrEqual(before.getTime() + 60_000);
    }
  });

  it("given the models deployed from bpmn/, when the engine is asked, then it keeps every process's history for RETENTION_UNSUCCESSFUL and cleans it up nightly", async () => {
    const latest = (await engine.definitions(ALL_PROCESSES)).filter(
      (d, _i, all) => d.version === Math.max(...all.filter((o) => o.key === d.key).map((o) => o.version)),
    );
    expect(latest.map((d) => [d.key, d.historyTimeToLive]).sort()).toEqual(
      [
        [PROCESS_ID, 90],
        [REVIEW_PROCESS_ID, 90],
        [CERTIFICATE_REQUEST_PROCESS_ID, 90],
      ].sort(),
    );
    const cleanup = await engine.historyCleanupConfiguration();
    expect(cleanup).toMatchObject({ enabled: true });
    expect(cleanup.batchWindowStartTime).toBeTruthy();
  });

  it("given a version of each process in bpmn/ deployed with another history time to live (as from Modeler), when the purge runs, then the engine keeps each for the policy's days again", async () => {
    expect(await projectProcessIds()).toEqual(expect.arrayContaining(ALL_PROCESSES));
    const changed = [];
    for (const key of ALL_PROCESSES) {
      const [def] = (await engine.definitions([key])).sort((a, b) => b.version - a.version);
      await engine.setHistoryTimeToLive(def!.id, 180);
      changed.push({ process: key, version: def!.version, days: 90, was: 180 });
    }

    await purgeExpiredData(deps);

    expect((await engine.definitions(ALL_PROCESSES)).map((d) => d.historyTimeToLive)).toSatisfy((ttl: unknown[]) =>
      ttl.every((t) => t === 90),
    );
    const set = await db('audit_log').where({ action: 'engine_history_ttl_set' }).orderBy('id', 'desc').limit(3);
    expect(set.map((r) => r.detail).sort((a, b) => a.process.localeCompare(b.process))).toEqual(
      changed.sort((a, b) => a.process.localeCompare(b.process)),
    );
  });

  it('given certificate requests the office archived, when the purge runs, then documents, identity, CSR and name go RETENTION_CERTIFICATE_DOCUMENTS after the request closed, the record stays, and the audit log counts them', async () => {
    const archived = async (closedAt: Date | null) => {
      const id = randomUUID();
      await db('certificate_requests').insert({
        id,
        action: 'issue',
        kind: 'seal-government',
        common_name: 'سازمان بایگانی',
        applicant_national_code: '0012345679',
        applicant_first_name: 'سارا',
        applicant_last_name: 'احمدی',
        applicant_mobile: '09120000000',
        csr_der: Buffer.from([0x30, 0x00]),
        csr_subject: 'CN=سازمان بایگانی',
        status: 'issued',
        issued_serial: '0a2b',
        issued_certificate_pem: '-----BEGIN CERTIFICATE-----',
        created_at: ago(4000),
        closed_at: closedAt,
      });
      for (const kind of ['nationalCard', 'birthCertificate'])
        await db('certificate_request_documents').insert({
          id: randomUUID(),
          request_id: id,
          kind,
          mime_type: 'application/pdf',
          content: Buffer.from('%PDF-1.4'),
        });
      return id;
    };
    const due = await archived(ago(3651));
    const kept = await archived(ago(3649));
    const open = await archived(null);

    await purgeExpiredData(deps);

    const docs = async (id: string) =>
      Number((await db('certificate_request_documents').where({ request_id: id }).count({ n: '*' }))[0]!.n);
    expect([await docs(due), await docs(kept), await docs(open)]).toEqual([0, 2, 2]);
    expect(await db('certificate_requests').where({ id: due }).first()).toMatchObject({
      applicant_national_code: null,
      applicant_first_name: null,
      applicant_mobile: null,
      csr_der: null,
      common_name: '',
      issued_certificate_pem: null,
      issued_serial: '0a2b',
      status: 'issued',
      documents_purged_at: expect.any(Date),
    });
    for (const id of [kept, open])
      expect(await db('certificate_requests').where({ id }).first()).toMatchObject({
        applicant_national_code: '0012345679',
        common_name: 'سازمان بایگانی',
        documents_purged_at: null,
      });
    const rows = await lastPurgeAudit();
    expect(countOf(rows, 'certificate_documents')).toBeGreaterThanOrEqual(2);
    expect(countOf(rows, 'certificate_applicants')).toBeGreaterThanOrEqual(1);
  });

  it('given certificate requests and bindings, when the purge runs, then a name is removed RETENTION_UNSUCCESSFUL after its request ended or its binding was unbound, and kept while the request runs or the binding is active', async () => {
    const old = ago(120);
    const request = async (processInstanceId: string | null, createdAt: Date) => {
      const id = randomUUID();
      await db('certificate_requests').insert({
        id,
        action: 'issue',
        kind: 'signature',
        common_name: `Retention Test ${id.slice(0, 8)}`,
        issued_serial: '0a1b',
        issued_certificate_pem: '-----BEGIN CERTIFICATE-----',
        process_instance_id: processInstanceId,
        created_at: createdAt,
      });
      return id;
    };
    // A request from long ago whose process is still at the RA clerk: it runs, so its name stays.
    const runningId = randomUUID();
    const running = await engine.start(CERTIFICATE_REQUEST_PROCESS_ID, runningId, {
      requestId: runningId,
      requestAction: 'issue',
      agencyName: 'دستگاه آزمایشی',
      trackingCode: '1000001',
    });
    const stillRunning = await request(running.id, old);
    // One whose process ended just now (cancelled as a clerk's refusal would end it): ended, but not long enough ago.
    const endedId = randomUUID();
    const ended = await engine.start(CERTIFICATE_REQUEST_PROCESS_ID, endedId, {
      requestId: endedId,
      requestAction: 'issue',
      agencyName: 'دستگاه آزمایشی',
      trackingCode: '1000001',
    });
    await engine.cancel(ended.id);
    const endedRecently = await request(ended.id, old);
    // One whose instance the engine no longer knows (history removed a time to live after it ended).
    const endedLongAgo = await request(randomUUID(), old);
    const recent = await request(null, ago(1));

    const account = await insertAccount(db, 'a long enough passphrase');
    const binding = async (unboundAt: Date | null) => {
      const id = randomUUID();
      await db('certificate_bindings').insert({
        id,
        account_id: account.id,
        fingerprint_sha256: randomUUID().replaceAll('-', '').padEnd(64, '0'),
        serial_number: '0c',
        issuer: 'CN=Payam Test Intermediate CA',
        subject: 'CN=Retention Person,O=Agency',
        not_after: ago(-300),
        bound_at: ago(400),
        unbound_at: unboundAt,
        unbound_by: unboundAt ? 'account' : null,
      });
      return id;
    };
    const active = await binding(null);
    const unboundLongAgo = await binding(ago(100));
    const unboundRecently = await binding(ago(10));

    await purgeExpiredData(deps);

    const names = Object.fromEntries(
      (
        await db('certificate_requests')
          .whereIn('id', [stillRunning, endedRecently, endedLongAgo, recent])
          .select('id', 'common_name', 'issued_certificate_pem', 'issued_serial')
      ).map((r) => [r.id, [r.common_name !== '', r.issued_certificate_pem !== null, r.issued_serial]]),
    );
    expect(names).toEqual({
      [stillRunning]: [true, true, '0a1b'],
      [endedRecently]: [true, true, '0a1b'],
      [endedLongAgo]: [false, false, '0a1b'],
      [recent]: [true, true, '0a1b'],
    });
    const subjects = Object.fromEntries(
      (
        await db('certificate_bindings')
          .whereIn('id', [active, unboundLongAgo, unboundRecently])
          .select('id', 'subject', 'serial_number')
      ).map((r) => [r.id, [r.subject, r.serial_number]]),
    );
    expect(subjects).toEqual({
      [active]: ['CN=Retention Person,O=Agency', '0c'],
      [unboundLongAgo]: ['', '0c'],
      [unboundRecently]: ['CN=Retention Person,O=Agency', '0c'],
    });
    const rows = await lastPurgeAudit();
    expect(countOf(rows, 'certificate_request_names')).toBeGreaterThanOrEqual(1);
    expect(countOf(rows, 'certificate_binding_subjects')).toBeGreaterThanOrEqual(1);
    await engine.cancel(running.id);
  });

  it('given more unsuccessful requests due than PostgreSQL takes parameters in one statement (65,535), when the purge runs, then every one is purged', async () => {
    // Given 70,000 expired requests closed 200 days ago, each with its step-3 data (as after a pause of the purge)
    const closedAt = ago(200);
    const ids = (
      await db.raw<{ rows: { id: string }[] }>(
        `insert into registrations (id, status, outcome, access_token_hash, created_at, closed_at, tracking_code)
         select gen_random_uuid(), 'expired', 'expired', repeat('0', 64), ?, ?, 'b' || lpad(i::text, 6, '0')
           from generate_series(1, 70000) i returning id`,
        [new Date('2022-07-05T08:00:00Z'), closedAt],
      )
    ).rows.map((r) => r.id);
    await db.raw(
      `insert into applicant_data (registration_id, national_code, mobile, first_name, last_name, father_name,
         birth_certificate_number, birth_date, birth_date_gregorian, email, agency_name, agency_national_id, representative_position)
       select id, '0000000000', '09000000000', 'x', 'x', 'x', '0', '1360/01/01', '1981-03-21', 'x@example.invalid', 'x', '10000000000', 'x'
         from unnest(?::uuid[]) id`,
      [ids],
    );
    // When the purge runs
    await purgeExpiredData(deps);
    // Then none of them keeps its data, and each is marked purged
    const [left] = await db('applicant_data').whereRaw('registration_id = any(?::uuid[])', [ids]).count({ n: '*' });
    const [unmarked] = await db('registrations')
      .whereRaw('id = any(?::uuid[])', [ids])
      .whereNull('purged_at')
      .count({ n: '*' });
    expect([Number(left!.n), Number(unmarked!.n)]).toEqual([0, 0]);
  });

  it('given two worker processes, when both start, then one purge is scheduled every night in Tehran and a job on it runs the purge', async () => {
    const queueName = `retention-purge-test-${randomUUID()}`;
    const first = startDailyPurge(deps, queueName);
    const second = startDailyPurge(deps, queueName);
    try {
      await Promise.all([first.ready, second.ready]);
      const schedulers = await first.queue.getJobSchedulers();
      expect(schedulers).toHaveLength(1);
      expect(schedulers[0]).toMatchObject({ pattern: '30 3 * * *', tz: 'Asia/Tehran' });

      const runs = await db('audit_log').where({ action: 'data_purged' }).count({ n: '*' }).first();
      const done = new Promise((resolve) => {
        first.worker.once('completed', resolve);
        second.worker.once('completed', resolve);
      });
      await first.queue.add('purge', {});
      await done;
      const after = await db('audit_log').where({ action: 'data_purged' }).count({ n: '*' }).first();
      expect(Number(after!.n) - Number(runs!.n)).toBe(PURGE_KINDS.length);
    } finally {
      await first.queue.removeJobScheduler('daily-retention-purge');
      await first.queue.obliterate({ force: true });
      await Promise.all([first.close(), second.close()]);
    }
  });
});
