import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROCESS_ID } from '../../adapters/engine/process-model.js';
import { createDb, migrateLatest } from '../../db/knex.js';
import { main as restoreMain } from '../../ops/restore.js';
import { applicantDriver } from '../support/applicant.js';
import { scratchDatabase } from '../support/database.js';
import { startEngineStack, type EngineStack } from '../support/engine-stack.js';

/**
 * After a restore, `npm run restore -- --check [--repair]` against the real engine and our database. Our database is
 * a scratch one of this file's, so that the check (which reads every open registration) meets no other file's rows,
 * and its sweeper may deliver every notice it finds at once.
 */
const scratch = scratchDatabase('restore');
let stack: EngineStack;

beforeAll(async () => {
  await scratch.create();
  const db = createDb(scratch.url, { min: 0, max: 1 });
  await migrateLatest(db);
  await db.destroy();
  stack = await startEngineStack({ DATABASE_URL: scratch.url, NOTICE_SWEEP_GRACE_MS: '500', NOTICE_SWEEP_MS: '500' });
});
afterAll(async () => {
  await stack?.close();
  await scratch.drop();
});

/** The command as an operator types it, in process, with this file's database; its printed lines and exit code. */
async function restoreCommand(...args: string[]) {
  const out: string[] = [];
  const code = await restoreMain(args, {
    env: { ...process.env, DATABASE_URL: scratch.url },
    print: (l) => out.push(l),
    printError: (l) => out.push(l),
  });
  return { code, out: out.join('\n') };
}

describe('the agreement of our database and the engine after a restore', () => {
  it('lists what one side has and the other lost; --repair closes ours, tells the applicant, ends the engine’s', async () => {
    const driver = applicantDriver(stack);
    // Given: a registration both know; one the engine lost (its instance gone); one we have, with no instance and
    // no contact yet (lost before step 3); an instance for a registration we never had; one for a closed one.
    const agreed = await driver.begin();
    const lost = await driver.begin();
    const lostRow = await stack.db('registrations').where({ id: lost.id }).first();
    await stack.engine.cancel(lostRow.process_instance_id);
    const { id: early } = await stack.registrations.start();
    const earlyRow = await stack.db('registrations').where({ id: early }).first();
    await stack.engine.cancel(earlyRow.process_instance_id);
    const vars = { registrationId: 'x', applicantTimeout: 'P3D', otpTimeout: 'PT15M', reviewReminder: 'P2D' };
    const stranger = randomUUID();
    const strangerInstance = await stack.engine.start(PROCESS_ID, stranger, { ...vars, registrationId: stranger });
    const closed = await driver.begin();
    await stack.db('registrations').where({ id: closed.id }).update({ status: 'rejected', closed_at: new Date() });

    // When: the operator checks.
    const check = await restoreCommand('--check');

    // Then: every disagreement is named, nothing else, and nothing is changed yet.
    expect(check.code).toBe(1);
    expect(check.out).toContain(`registration ${lost.id} (applicant-data`);
    expect(check.out).toContain(`registration ${early} (applicant-data`);
    expect(check.out).toMatch(
      new RegExp(`instance ${strangerInstance.id} \\(registration ${stranger}\\).*unknown here`),
    );
    expect(check.out).toMatch(new RegExp(`registration ${closed.id}\\): running in the engine, rejected here`));
    expect(check.out).not.toContain(agreed.id);
    expect(check.out).toContain('4 disagreement(s)');
    expect((await stack.db('registrations').where({ id: lost.id }).first()).status).toBe('applicant-data');

    // When: the operator repairs.
    const repair = await restoreCommand('--check', '--repair');
    expect(repair.code).toBe(0);
    expect(repair.out).toContain('2 registration(s) closed, 1 applicant(s) told to start again');
    expect(repair.out).toContain('2 instance(s) ended');

    // Then: the lost registrations are closed as expired, reason restore, and their applicant sees why.
    for (const id of [lost.id, early]) {
      const row = await stack.db('registrations').where({ id }).first();
      expect(row).toMatchObject({ status: 'expired', outcome: 'expired', outcome_reason: 'restore' });
      expect(row.closed_at).not.toBeNull();
    }
    const view = await stack.view(lost.id);
    expect(view.step).toBe('expired');
    expect(view.messages.map((m: { id: string }) => m.id)).toEqual(['lost_in_restore']);
    // The applicant with a mobile and e-mail is told to start again, by SMS and e-mail, through the outbox.
    const sms = await stack.eventually(
      () => stack.sim.smsTo(lost.applicant.mobile),
      (m) => m.length > 0,
    );
    expect(sms).toHaveLength(1);
    expect(sms[0]!.text).toContain(lostRow.tracking_code);
    expect(sms[0]!.text).toContain('از نو ثبت نام کنید');
    const mail = await stack.eventually(
      () => stack.sim.mailTo(lost.applicant.email),
      (m) => m.length > 0,
    );
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toContain('Please start your registration again');
    expect(mail[0]!.text).toContain(lostRow.tracking_code);
    // The engine's leftovers are ended; the registration both knew runs on, untouched.
    const running = (await stack.engine.runningInstances(PROCESS_ID)).map((r) => r.businessKey);
    expect(running).not.toContain(stranger);
    expect(running).not.toContain(closed.id);
    expect(running).toContain(agreed.id);
    expect((await stack.db('registrations').where({ id: agreed.id }).first()).status).toBe('applicant-data');

    // And: checked again, they agree; a second repair sends nothing more.
    const again = await restoreCommand('--check', '--repair');
    expect(again.code).toBe(0);
    expect(again.out).toContain('the databases agree');
    const notices = await stack.db('notifications').where({ template: 'start-again' });
    expect(notices.map((n) => `${n.registration_id}:${n.channel}`).sort()).toEqual(
      [`${lost.id}:email`, `${lost.id}:sms`].sort(),
    );
  });
});
