import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { verify } from '@node-rs/argon2';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../ops/camunda/settings.js';
import { run } from '../../ops/run.js';
import { testDatabase } from '../support/database.js';

const PASSWORD = 'office of IT and communications';
const { db } = testDatabase();
afterAll(() => db.destroy());

/** `npm run staff -- …`, as an operator types it, in a child process. */
function staffCli(args: string[], env: Record<string, string | undefined> = {}) {
  return run(path.join(projectRoot, 'node_modules/.bin/tsx'), ['ops/staff.ts', ...args], { cwd: projectRoot, env: { ...process.env, STAFF_PASSWORD: PASSWORD, ...env } });
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
    expect(await db('audit_log').where({ actor: 'operator:cli', action: 'staff_added' }).whereRaw(`detail->>'staffId' = ?`, [row.id]).first()).toBeDefined();
  }, 30_000);

  it('add: refuses a weak password, a bad role and a duplicate, saying why', async () => {
    const username = name();
    expect(await staffCli(['add', username, '--role', 'reviewer'], { STAFF_PASSWORD: 'short1' })).toMatchObject({ code: 1, output: expect.stringContaining('password_too_short') });
    expect(await staffCli(['add', username, '--role', 'reviewer'], { STAFF_PASSWORD: 'password123' })).toMatchObject({ code: 1, output: expect.stringContaining('password_common') });
    expect(await staffCli(['add', username, '--role', 'reviewer'], { STAFF_PASSWORD: `my name is ${username}!` })).toMatchObject({ code: 1, output: expect.stringContaining('password_contains_personal_data') });
    expect(await staffCli(['add', username, '--role', 'root'])).toMatchObject({ code: 1, output: expect.stringContaining('staff_role_invalid') });
    expect(await db('staff').where({ username })).toEqual([]);
    expect((await staffCli(['add', username, '--role', 'reviewer'])).code).toBe(0);
    expect(await staffCli(['add', username, '--role', 'admin'])).toMatchObject({ code: 1, output: expect.stringContaining('staff_exists') });
  }, 60_000);

  it('list, set-password and deactivate, each audited; the password comes from stdin without a terminal', async () => {
    const username = name();
    await staffCli(['add', username, '--role', 'admin']);
    const list = await staffCli(['list']);
    expect(list.output).toMatch(new RegExp(`${username}\\tadmin\\tactive`));

    const changed = await run('sh', ['-c', `printf '%s\\n' 'a brand new passphrase here' | node_modules/.bin/tsx ops/staff.ts set-password ${username}`], { cwd: projectRoot, env: { ...process.env, STAFF_PASSWORD: '' } });
    expect(changed.code).toBe(0);
    const row = await db('staff').where({ username }).first();
    expect(await verify(row.password_hash, 'a brand new passphrase here')).toBe(true);

    expect((await staffCli(['deactivate', username])).code).toBe(0);
    expect(await db('staff').where({ username }).first()).toMatchObject({ active: false });
    const actions = await db('audit_log').where({ actor: 'operator:cli' }).whereRaw(`detail->>'staffId' = ?`, [row.id]).orderBy('id').pluck('action');
    expect(actions).toEqual(['staff_added', 'staff_password_set', 'staff_deactivated']);
  }, 60_000);

  it('given an unknown member or command, then a clear refusal and a non-zero exit', async () => {
    expect(await staffCli(['deactivate', 'nobody-here'])).toMatchObject({ code: 1, output: expect.stringContaining('staff_not_found') });
    expect(await staffCli(['promote', 'x'])).toMatchObject({ code: 2, output: expect.stringContaining('usage:') });
  }, 30_000);
});
