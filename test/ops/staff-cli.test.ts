import { randomUUID } from 'node:crypto';
import { verify } from '@node-rs/argon2';
import { afterAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../adapters/crypto/password-hash.js';
import { staffIdentity } from '../../adapters/engine/connect.js';
import { createStaffAuth } from '../../api/auth/staff-auth.js';
import { projectRoot } from '../../config/paths.js';
import { run } from '../../ops/run.js';
import { createStaffCommands } from '../../ops/staff-commands.js';
import { main as staffMain } from '../../ops/staff.js';
import { testDatabase } from '../support/database.js';
import { engineAsAdmin } from '../support/engine-as.js';

const PASSWORD = 'office of IT and communications';
const NEW_PASSWORD = 'a brand new passphrase here';
const { db, config } = testDatabase();
afterAll(() => db.destroy());

/** The engine's users as its administrator sees them in Admin. */
const engine = engineAsAdmin();
/** A GET as the administrator; anything but 200 fails the test. */
const engineGet = async (path: string) => {
  const answer = await engine.get(path);
  expect(answer.status, `GET ${path}`).toBe(200);
  return answer.body as unknown;
};
/** A login to the engine (Tasklist, Cockpit), checked as the engine checks it. */
const engineLogin = async (username: string, password: string) => {
  const answer = await engine.post('/identity/verify', { username, password });
  expect(answer.status).toBe(200);
  return (answer.body as { authenticated?: boolean }).authenticated === true;
};
const engineGroups = async (username: string) =>
  ((await engineGet(`/group?member=${encodeURIComponent(username)}`)) as { id: string }[]).map((g) => g.id);
const engineUserExists = async (username: string) => {
  const { status } = await engine.get(`/user/${encodeURIComponent(username)}/profile`);
  if (status !== 200 && status !== 404) throw new Error(`GET the profile of ${username}: ${status}`);
  return status === 200;
};
/** A login to the reviewers' and reports pages: 'success' or the refusal's code. */
const staffAuth = createStaffAuth({ db, config, now: () => new Date() });
const staffLogin = (username: string, password: string) =>
  staffAuth.login({ username, password }).then(
    () => 'success',
    (e) => e.code as string,
  );

/**
 * `npm run staff -- …` as an operator types it, called in process (its `main`, with STAFF_PASSWORD and
 * its printed lines here); one test below starts it as a child process, as the shell does.
 */
async function staffCli(args: string[], env: Record<string, string | undefined> = {}) {
  let output = '';
  const line = (l: string) => void (output += `${l}\n`);
  const code = await staffMain(args, {
    env: { STAFF_PASSWORD: PASSWORD, ...env },
    print: line,
    printError: line,
    readSecret: () => Promise.reject(new Error('no terminal here: STAFF_PASSWORD is set')),
    interactive: false,
  });
  return { code, output };
}
const name = () => `cli${randomUUID().slice(0, 8)}`;

describe('npm run staff', () => {
  it('add: creates the member with an argon2id hash of STAFF_PASSWORD, in the audit log as operator:cli', async () => {
    const username = name();
    const r = await staffCli(['add', username.toUpperCase(), '--role', 'supervisor']);

    expect(r).toMatchObject({ code: 0, output: expect.stringContaining(`added ${username} (supervisor)`) });
    const row = await db('staff').where({ username }).first();
    expect(row).toMatchObject({ role: 'supervisor', active: true });
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verify(row.password_hash, PASSWORD)).toBe(true);
    expect(
      await db('audit_log')
        .where({ actor: 'operator:cli', action: 'staff_added' })
        .whereRaw(`detail->>'staffId' = ?`, [row.id])
        .first(),
    ).toBeDefined();
  }, 30_000);

  it("add: one name and password for our pages and the engine; a reviewer in Tasklist's group, a supervisor in Cockpit's", async () => {
    const reviewer = name();
    const supervisor = name();
    expect((await staffCli(['add', reviewer, '--role', 'reviewer'])).code).toBe(0);
    expect((await staffCli(['add', supervisor, '--role', 'supervisor'])).code).toBe(0);

    expect(await engineLogin(reviewer, PASSWORD)).toBe(true);
    expect(await engineGroups(reviewer)).toEqual(['it-office-reviewers']);
    expect(await staffLogin(reviewer, PASSWORD)).toBe('success');
    expect(await engineLogin(supervisor, PASSWORD)).toBe(true);
    expect(await engineGroups(supervisor)).toEqual(['performance-office']);
    expect(await staffLogin(supervisor, PASSWORD)).toBe('success');
    // and the web apps' header names each by their staff name and their role, in Persian
    expect(await engineGet(`/user/${reviewer}/profile`)).toMatchObject({
      firstName: reviewer,
      lastName: '(کارشناس بررسی)',
    });
    expect(await engineGet(`/user/${supervisor}/profile`)).toMatchObject({
      firstName: supervisor,
      lastName: '(ناظر فرایند)',
    });
    // Two CLI processes and 16 engine logins by the administrator, each an argon2id check in the engine.
  }, 60_000);

  it('add --role process-owner: a member of process-owners, listed with that role', async () => {
    const username = name();
    expect(await staffCli(['add', username, '--role', 'process-owner'])).toMatchObject({
      code: 0,
      output: expect.stringContaining(`added ${username} (process-owner)`),
    });

    expect(await engineGroups(username)).toEqual(['process-owners']);
    expect(await engineLogin(username, PASSWORD)).toBe(true);
    expect((await staffCli(['list'])).output).toMatch(new RegExp(`${username}\\tprocess-owner\\tactive`));
  }, 30_000);

  it("add --role ra-clerk: a member of ra-clerks (Tasklist's certificate checks), listed with that role", async () => {
    const username = name();
    expect(await staffCli(['add', username, '--role', 'ra-clerk'])).toMatchObject({
      code: 0,
      output: expect.stringContaining(`added ${username} (ra-clerk)`),
    });

    expect(await engineGroups(username)).toEqual(['ra-clerks']);
    expect(await engineLogin(username, PASSWORD)).toBe(true);
    expect((await staffCli(['list'])).output).toMatch(new RegExp(`${username}\\tra-clerk\\tactive`));
  }, 30_000);

  it("add: refuses the engine's own administrator, whose password stays as it was", async () => {
    expect(await staffCli(['add', config.ENGINE_ADMIN_USER, '--role', 'admin'])).toMatchObject({
      code: 1,
      output: expect.stringContaining('ENGINE_USER_RESERVED'),
    });
    expect(await db('staff').where({ username: config.ENGINE_ADMIN_USER })).toEqual([]);
    expect(await engineLogin(config.ENGINE_ADMIN_USER, config.ENGINE_ADMIN_PASSWORD)).toBe(true);
  }, 30_000);

  it('add: refuses a weak password, a bad role and a duplicate, saying why', async () => {
    const username = name();
    expect(await staffCli(['add', username, '--role', 'reviewer'], { STAFF_PASSWORD: 'short1' })).toMatchObject({
      code: 1,
      output: expect.stringContaining('password_too_short'),
    });
    expect(await staffCli(['add', username, '--role', 'reviewer'], { STAFF_PASSWORD: 'password123' })).toMatchObject({
      code: 1,
      output: expect.stringContaining('password_common'),
    });
    expect(
      await staffCli(['add', username, '--role', 'reviewer'], { STAFF_PASSWORD: `my name is ${username}!` }),
    ).toMatchObject({ code: 1, output: expect.stringContaining('password_contains_personal_data') });
    expect(await staffCli(['add', username, '--role', 'root'])).toMatchObject({
      code: 1,
      output: expect.stringContaining('staff_role_invalid'),
    });
    expect(await db('staff').where({ username })).toEqual([]);
    expect(await engineUserExists(username)).toBe(false);
    expect((await staffCli(['add', username, '--role', 'reviewer'])).code).toBe(0);
    expect(
      await staffCli(['add', username, '--role', 'admin'], { STAFF_PASSWORD: 'another passphrase entirely' }),
    ).toMatchObject({ code: 1, output: expect.stringContaining('staff_exists') });
    // The refused second add left the engine user as the first one made it.
    expect(await engineGroups(username)).toEqual(['it-office-reviewers']);
    expect(await engineLogin(username, PASSWORD)).toBe(true);
    // Six CLI processes, and the engine checks the administrator's argon2id hash on each of its calls.
  }, 90_000);

  it('list, set-password and deactivate, each audited; the password comes from stdin without a terminal', async () => {
    const username = name();
    await staffCli(['add', username, '--role', 'admin']);
    const list = await staffCli(['list']);
    expect(list.output).toMatch(new RegExp(`${username}\\tadmin\\tactive`));

    const changed = await run(
      'sh',
      ['-c', `printf '%s\\n' '${NEW_PASSWORD}' | node_modules/.bin/tsx ops/staff.ts set-password ${username}`],
      { cwd: projectRoot, env: { ...process.env, STAFF_PASSWORD: '' } },
    );
    expect(changed.code).toBe(0);
    const row = await db('staff').where({ username }).first();
    expect(await verify(row.password_hash, NEW_PASSWORD)).toBe(true);
    // The new password first: the engine holds back every login for a few seconds after a failed one.
    expect(await engineLogin(username, NEW_PASSWORD)).toBe(true);
    expect(await engineLogin(username, PASSWORD)).toBe(false);
    // The old one first here: a success clears the failure, so the login after deactivation meets no lockout.
    expect(await staffLogin(username, PASSWORD)).toBe('invalid_credentials');
    expect(await staffLogin(username, NEW_PASSWORD)).toBe('success');

    expect((await staffCli(['deactivate', username])).code).toBe(0);
    expect(await db('staff').where({ username }).first()).toMatchObject({ active: false });
    expect(await staffLogin(username, NEW_PASSWORD)).toBe('invalid_credentials');
    expect(await engineLogin(username, NEW_PASSWORD)).toBe(false);
    expect(await engineGroups(username)).toEqual([]);
    // Kept, so that tasks and history naming them still resolve in Tasklist and Cockpit.
    expect(await engineUserExists(username)).toBe(true);
    const actions = await db('audit_log')
      .where({ actor: 'operator:cli' })
      .whereRaw(`detail->>'staffId' = ?`, [row.id])
      .orderBy('id')
      .pluck('action');
    expect(actions).toEqual(['staff_added', 'staff_password_set', 'staff_deactivated']);
  }, 60_000);

  it('add: given the database refuses the row after the engine user is made, then the engine user is removed again', async () => {
    const username = name();
    const real = staffIdentity(config);
    // Another row of the name written between the check and the insert, as a concurrent add would.
    const racing = {
      ...real,
      addUser: async (...args: Parameters<typeof real.addUser>) => {
        const made = await real.addUser(...args);
        await db('staff').insert({ id: randomUUID(), username, role: 'reviewer', password_hash: 'x' });
        return made;
      },
    };

    await expect(createStaffCommands(db, racing).add(username, 'reviewer', PASSWORD)).rejects.toThrow(
      /staff_username_unique/,
    );
    expect(await engineUserExists(username)).toBe(false);
  }, 30_000);

  it('given a member from before staff were engine users, then set-password makes their engine user and deactivate works', async () => {
    const username = name();
    await db('staff').insert({
      id: randomUUID(),
      username,
      role: 'reviewer',
      password_hash: await hashPassword(PASSWORD),
    });

    expect((await staffCli(['set-password', username], { STAFF_PASSWORD: NEW_PASSWORD })).code).toBe(0);
    expect(await engineGroups(username)).toEqual(['it-office-reviewers']);
    expect(await engineLogin(username, NEW_PASSWORD)).toBe(true);
    expect((await staffCli(['deactivate', username])).code).toBe(0);
    expect(await engineLogin(username, NEW_PASSWORD)).toBe(false);
  }, 30_000);

  it('given an unknown member or command, then a clear refusal and a non-zero exit', async () => {
    expect(await staffCli(['deactivate', 'nobody-here'])).toMatchObject({
      code: 1,
      output: expect.stringContaining('staff_not_found'),
    });
    expect(await staffCli(['promote', 'x'])).toMatchObject({ code: 2, output: expect.stringContaining('usage:') });
  }, 30_000);
});
