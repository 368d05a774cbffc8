import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, migrateLatest, type Db } from '../../db/knex.js';
import * as m006 from '../../migrations/006_agency_held_once_verified.js';
import { scratchDatabase } from '../support/database.js';

// A scratch database of its own: taking migrations down must not disturb the other tests' tables.
const scratch = scratchDatabase('migrations');
let db: Db;

const applied = async () => (await db('knex_migrations').orderBy('id').pluck('name')) as string[];
const indexes = async () =>
  (await db.raw(`select indexname from pg_indexes where tablename = 'registrations'`)).rows.map(
    (r: { indexname: string }) => r.indexname,
  );
const tables = async () =>
  (await db.raw(`select tablename from pg_tables where schemaname = 'public'`)).rows.map(
    (r: { tablename: string }) => r.tablename,
  );

beforeAll(async () => {
  await scratch.create();
  db = createDb(scratch.url);
});
afterAll(async () => {
  await db?.destroy();
  await scratch.drop();
});

describe('migration 002 (staff and auth)', () => {
  it('applies, goes down alone leaving 001 intact, and applies again', async () => {
    // Up to 002 exactly: later migrations come after it in the list.
    await db.migrate.up();
    await db.migrate.up();
    expect(await applied()).toEqual(['001_registration', '002_staff_and_auth']);
    expect(await tables()).toEqual(
      expect.arrayContaining(['staff', 'auth_sessions', 'login_failures', 'registrations']),
    );

    await db.migrate.down();
    const after = await tables();
    expect(after).not.toEqual(expect.arrayContaining(['staff']));
    expect(after.filter((t: string) => ['staff', 'auth_sessions', 'login_failures'].includes(t))).toEqual([]);
    expect(after).toContain('registrations');

    await db.migrate.up();
    expect(await tables()).toEqual(expect.arrayContaining(['staff', 'auth_sessions', 'login_failures']));
  });

  it('then 003 adds the one-open-request-per-agency index and takes it away again', async () => {
    await db.migrate.up();
    expect(await applied()).toEqual(['001_registration', '002_staff_and_auth', '003_one_open_request_per_agency']);
    expect(await indexes()).toContain('registrations_one_open_per_agency');

    await db.migrate.down();
    expect(await indexes()).not.toContain('registrations_one_open_per_agency');

    await db.migrate.up();
    expect(await indexes()).toContain('registrations_one_open_per_agency');
  });

  it("then 004 retires the inbox and incident tables for the engine's own, and brings them back on the way down", async () => {
    // Up to 005 exactly: later migrations come after it in the list.
    await db.migrate.up();
    await db.migrate.up();
    expect((await applied()).slice(-2)).toEqual(['004_operaton_engine', '005_process_owner_role']);
    expect(await tables()).not.toEqual(expect.arrayContaining(['user_tasks']));
    expect(await tables()).not.toContain('incidents');
    const long = 'c0ffee00-0000-11f1-8000-02fc00000001-with-more';
    await db('registrations').insert({
      id: '00000000-0000-4000-8000-0000000000aa',
      access_token_hash: 'x'.repeat(64),
      status: 'applicant-data',
      process_instance_id: long,
    });

    await db.migrate.down();
    await db.migrate.down();
    expect(await tables()).toEqual(expect.arrayContaining(['user_tasks', 'incidents']));
    await db('registrations').where({ id: '00000000-0000-4000-8000-0000000000aa' }).delete();
    await migrateLatest(db);
  });

  it("then 006 lets only a verified open request hold an agency, and gives 003's index back on the way down", async () => {
    const agency = '14000000001';
    const row = (n: number, verified: boolean) => ({
      id: `00000000-0000-4000-8000-0000000006${String(n).padStart(2, '0')}`,
      access_token_hash: 'x'.repeat(64),
      status: verified ? 'under-review' : 'applicant-data',
      agency_national_id: agency,
      verified_at: verified ? new Date() : null,
    });
    expect(await applied()).toContain('006_agency_held_once_verified');
    expect(await indexes()).not.toContain('registrations_one_open_per_agency');

    await db('registrations').insert([row(1, false), row(2, false), row(3, true)]);
    await expect(db('registrations').insert(row(4, true))).rejects.toMatchObject({
      code: '23505',
      constraint: 'registrations_one_verified_per_agency',
    });

    await db('registrations')
      .whereIn('id', [row(1, false).id, row(2, false).id])
      .delete();
    // 006 down alone, inside a transaction that is then undone: later migrations stay as they are.
    const undo = new Error('undo');
    let after: string[] = [];
    await db
      .transaction(async (trx) => {
        await m006.down(trx);
        after = (await trx.raw(`select indexname from pg_indexes where tablename = 'registrations'`)).rows.map(
          (r: { indexname: string }) => r.indexname,
        );
        throw undo;
      })
      .catch((e) => {
        if (e !== undo) throw e;
      });
    await db('registrations').where({ agency_national_id: agency }).delete();
    expect(after).toContain('registrations_one_open_per_agency');
    expect(after).not.toContain('registrations_one_verified_per_agency');
  });

  it('refuses a role outside reviewer, supervisor, process-owner, ra-clerk and admin', async () => {
    const insert = db('staff').insert({
      id: '00000000-0000-4000-8000-000000000001',
      username: 'x-role',
      password_hash: 'h',
      role: 'root',
    });
    await expect(insert).rejects.toMatchObject({ code: '23514' });
  });

  it('rolls back completely', async () => {
    await db.migrate.rollback(undefined, true);
    expect((await tables()).filter((t: string) => !t.startsWith('knex_'))).toEqual([]);
  });
});
