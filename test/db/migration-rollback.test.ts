import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, migrateLatest, type Db } from '../../db/knex.js';
import { migrations } from '../../migrations/index.js';
import { main as migrateMain } from '../../ops/migrate.js';
import { projectRoot } from '../../config/paths.js';
import { scratchDatabase } from '../support/database.js';

// A scratch database of its own: rolling back must not disturb the other tests' tables.
const scratch = scratchDatabase('rollback');
const scratchUrl = scratch.url;
let db: Db;

const scratchEnv = { ...process.env, DATABASE_URL: scratchUrl, LOG_LEVEL: 'silent' };

/** `npm run migrate -- …` as an operator types it, against the scratch database, called in process (its `main`). */
async function migrate(...args: string[]) {
  let out = '';
  const line = (l: string) => void (out += `${l}\n`);
  const code = await migrateMain(args, { env: scratchEnv, print: line, printError: line });
  return { code, out };
}

/** The same, started as a child process, as the shell does. */
function migrateInChild(...args: string[]) {
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'ops/migrate.ts', ...args], {
      cwd: projectRoot,
      env: scratchEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

const applied = async () => (await db('knex_migrations').orderBy('id').pluck('name')) as string[];
const tables = async () =>
  (await db.raw(`select tablename from pg_tables where schemaname = 'public'`)).rows.map(
    (r: { tablename: string }) => r.tablename,
  ) as string[];
const ALL = Object.keys(migrations).sort();
const registrationId = randomUUID();

beforeAll(async () => {
  await scratch.create();
  db = createDb(scratchUrl);
  // Three batches of one (001, 002, 003), then the rest in one, as successive deployments would leave them.
  for (let i = 0; i < 3; i++) await db.migrate.up();
  await migrateLatest(db);
  await db('registrations').insert({
    id: registrationId,
    access_token_hash: 'x'.repeat(64),
    status: 'expired',
    access_token_revoked_at: new Date(),
  });
  await db('staff').insert({ id: randomUUID(), username: 'reviewer.one', password_hash: 'h', role: 'reviewer' });
});
afterAll(async () => {
  await db?.destroy();
  await scratch.drop();
});

describe('npm run migrate -- rollback', () => {
  it('given a last batch whose downs drop columns, when rolled back without --allow-data-loss, then it is refused naming each loss, and nothing changes', async () => {
    const before = await applied();

    const run = await migrate('rollback');

    expect(run.code).toBe(1);
    expect(run.out).toContain(`refused: rolling back ${ALL.slice(3).reverse().join(', ')} would delete data`);
    expect(run.out).toContain('007_applicant_token_end: drops column registrations.access_token_revoked_at (1 value)');
    expect(run.out).toContain('--allow-data-loss');
    expect(await applied()).toEqual(before);
    expect(await db('registrations').where({ id: registrationId }).first('access_token_revoked_at')).toMatchObject({
      access_token_revoked_at: expect.any(Date),
    });
  });

  it('given --allow-data-loss, when rolled back, then only the last batch goes, and the data of the batches before stays', async () => {
    const run = await migrate('rollback', '--allow-data-loss');

    expect(run.code).toBe(0);
    expect(run.out).toContain(
      'deleted: 007_applicant_token_end: drops column registrations.access_token_revoked_at (1 value)',
    );
    expect(await applied()).toEqual(['001_registration', '002_staff_and_auth', '003_one_open_request_per_agency']);
    expect(await db('registrations').where({ id: registrationId }).first('status')).toEqual({ status: 'expired' });
  });

  it('given a last batch that deletes nothing (an index), when rolled back, then it goes without the flag', async () => {
    const run = await migrate('rollback');

    expect(run.code).toBe(0);
    expect(run.out).toContain('rolled back: 003_one_open_request_per_agency');
    expect(await applied()).toEqual(['001_registration', '002_staff_and_auth']);
  });

  it('given --one, when rolled back, then one migration only goes, however large its batch', async () => {
    await db.migrate.latest();
    const before = await applied();

    const one = await migrate('rollback', '--one', '--allow-data-loss');

    expect(one.code).toBe(0);
    expect(one.out).toContain(`rolled back: ${before.at(-1)}`);
    expect(await applied()).toEqual(before.slice(0, -1));
    await migrate('rollback', '--allow-data-loss');
    expect(await applied()).toEqual(['001_registration', '002_staff_and_auth']);
  });

  it('given the first migrations with rows in their tables, when rolled back, then refused naming every table with its rows', async () => {
    const staff = await migrate('rollback', '--one');
    expect(staff.code).toBe(1);
    expect(staff.out).toContain('002_staff_and_auth: drops table staff (1 row)');
    expect(await db('staff').count({ n: '*' })).toEqual([{ n: '1' }]);

    expect((await migrate('rollback', '--allow-data-loss')).code).toBe(0);
    const first = await migrate('rollback');

    expect(first.code).toBe(1);
    expect(first.out).toContain('001_registration: drops table registrations (1 row)');
    expect(first.out).toContain('001_registration: drops table audit_log (0 rows)');
    expect(await tables()).toContain('registrations');
    expect(await applied()).toEqual(['001_registration']);
  });

  it('given an unknown flag, when run from the shell, then it says how it is used and does nothing', async () => {
    const run = await migrateInChild('rollback', '--all');

    expect(run.code).toBe(2);
    expect(run.out).toContain('usage: npm run migrate');
    expect(await applied()).toEqual(['001_registration']);
  });
});
