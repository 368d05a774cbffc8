import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { staffIdentity } from '../../adapters/engine/connect.js';
import { createDb } from '../../db/knex.js';
import { createStaffCommands } from '../../ops/staff-commands.js';
import { restStatusAs, tasklistLogin } from '../../ops/fixtures/engine-logins.js';
import { testDatabase } from '../support/database.js';
import { engineAsAdmin } from '../support/engine-as.js';
import { addStaff, STAFF_PASSWORD } from '../../ops/fixtures/staff.js';

const { db, config } = testDatabase();
const engineDb = createDb(process.env.ENGINE_DATABASE_URL!, { min: 0, max: 2 });
const staff = createStaffCommands(db, staffIdentity(config));
const admin = engineAsAdmin();
const remembered = Number(process.env.ENGINE_REST_AUTH_CACHE_SECONDS);
const rest = (user: string, password: string) => restStatusAs(config.ENGINE_URL, user, password);
const NEW_PASSWORD = 'a brand new passphrase for work';

/** The engine's own row for a user, as its table holds it. */
const engineUser = async (id: string) =>
  (await engineDb('act_id_user').where({ id_: id }).first()) as {
    pwd_: string;
    salt_: string;
    lock_exp_time_: Date | null;
  };

afterAll(async () => {
  await db.destroy();
  await engineDb.destroy();
});

describe('staff in the engine: their password is argon2id at rest and checked on every call', () => {
  it('given a reviewer made by the staff command, then the engine keeps an argon2id hash, and Tasklist and REST take the right password only', async () => {
    const username = await addStaff(db, 'reviewer');

    expect((await engineUser(username)).pwd_).toMatch(
      /^\{argon2id\}\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/,
    );
    const login = await tasklistLogin(config.ENGINE_URL, username, STAFF_PASSWORD);
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ userId: username, authorizedApps: expect.arrayContaining(['tasklist']) });
    expect(await rest(username, STAFF_PASSWORD)).toBe(200);

    expect((await tasklistLogin(config.ENGINE_URL, username, `${STAFF_PASSWORD}!`)).status).toBe(401);
    expect(await rest(username, `${STAFF_PASSWORD}!`)).toBe(401);
  });

  it('given a member who just used the REST API, when deactivated, then their next call is refused at once', async () => {
    const username = await addStaff(db, 'supervisor');
    expect(await rest(username, STAFF_PASSWORD)).toBe(200);

    await staff.deactivate(username);
    expect(await rest(username, STAFF_PASSWORD)).toBe(401);
    expect((await tasklistLogin(config.ENGINE_URL, username, STAFF_PASSWORD)).status).toBe(401);
  });

  it('given a member who just used the REST API, when given a new password, then the old one is refused at once and the new one works', async () => {
    const username = await addStaff(db, 'process-owner');
    expect(await rest(username, STAFF_PASSWORD)).toBe(200);

    await staff.setPassword(username, NEW_PASSWORD);
    expect(await rest(username, NEW_PASSWORD)).toBe(200);
    // Last: a wrong password locks the member for seconds (the engine's lockout), the new one included.
    expect(await rest(username, STAFF_PASSWORD)).toBe(401);
  });

  it("a wrong password over REST locks the member by the engine's lockout: even the right one is refused until the lock ends", async () => {
    const username = await addStaff(db, 'reviewer');
    expect(await rest(username, STAFF_PASSWORD)).toBe(200);

    expect(await rest(username, 'a guess at the password')).toBe(401);
    expect(await rest(username, STAFF_PASSWORD)).toBe(401);
    const lockedUntil = (await engineUser(username)).lock_exp_time_;
    expect(lockedUntil).toBeInstanceOf(Date);
    await sleep(Math.max(0, lockedUntil!.getTime() - Date.now()) + 500);
    expect(await rest(username, STAFF_PASSWORD)).toBe(200);
  });

  it('given a user whose password the engine stored as SHA-512 (before argon2id), then it still verifies and is stored again as argon2id', async () => {
    const username = await addStaff(db, 'reviewer');
    // The engine's former format: {SHA-512} and the Base64 SHA-512 of the password followed by the salt.
    const salt = randomBytes(16).toString('base64');
    const sha512 = createHash('sha512').update(`${STAFF_PASSWORD}${salt}`, 'utf8').digest('base64');
    await engineDb('act_id_user')
      .where({ id_: username })
      .update({ pwd_: `{SHA-512}${sha512}`, salt_: salt });

    expect(await rest(username, 'not the password at all')).toBe(401);
    expect((await engineUser(username)).pwd_).toBe(`{SHA-512}${sha512}`);
    await sleep(Math.max(0, (await engineUser(username)).lock_exp_time_!.getTime() - Date.now()) + 500);

    expect((await tasklistLogin(config.ENGINE_URL, username, STAFF_PASSWORD)).status).toBe(200);
    expect((await engineUser(username)).pwd_).toMatch(/^\{argon2id\}\$argon2id\$/);
    expect(await rest(username, STAFF_PASSWORD)).toBe(200);
    expect(await rest(username, NEW_PASSWORD)).toBe(401);
  });
});

describe('the service account is remembered for ENGINE_REST_AUTH_CACHE_SECONDS only', () => {
  it(`a password changed in Admin while the engine runs: the new one works at once, the old one stops within ${remembered} s here`, async () => {
    expect(remembered).toBeGreaterThan(0);
    const { ENGINE_USER: user, ENGINE_PASSWORD: password } = config;
    const setServicePassword = async (next: string) => {
      const changed = await admin.put(`/user/${user}/credentials`, {
        password: next,
        authenticatedUserPassword: config.ENGINE_ADMIN_PASSWORD,
      });
      expect(changed.status).toBe(204);
      expect((await admin.post(`/user/${user}/unlock`)).status).toBe(204);
    };
    expect(await rest(user, password)).toBe(200);
    expect(await rest(user, `${password}!`)).toBe(401);
    try {
      await setServicePassword(NEW_PASSWORD);
      expect(await rest(user, NEW_PASSWORD)).toBe(200);
      await sleep(remembered * 1000 + 500);
      expect(await rest(user, password)).toBe(401);
    } finally {
      await setServicePassword(password);
    }
    expect(await rest(user, password)).toBe(200);
  });
});
