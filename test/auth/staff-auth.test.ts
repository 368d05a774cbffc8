import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffAuth } from '../../api/auth/staff-auth.js';
import { staffIdentity } from '../../adapters/engine/connect.js';
import { createStaffCommands } from '../../ops/staff-commands.js';
import { manualClock, testDatabase } from '../support/database.js';

const PASSWORD = 'reviewing registrations since 1401';
const { db, config } = testDatabase();
const clock = manualClock();
const auth = createStaffAuth({ db, config, now: clock.now });
const commands = createStaffCommands(db, staffIdentity(config), clock.now);
afterAll(() => db.destroy());

const newName = (prefix = 'rev') => `${prefix}${randomUUID().slice(0, 8)}`;
const audit = (actor: string) => db('audit_log').where({ actor, action: 'staff_login' }).orderBy('id').select('detail');
const attempt = (username: string, password: string) =>
  auth.login({ username, password }).then(
    () => 'success',
    (e) => e.code as string,
  );

let reviewer: string;
beforeAll(async () => {
  reviewer = newName();
  await commands.add(reviewer, 'reviewer', PASSWORD);
});

describe('staff login', () => {
  it('given the right password, then a token that verifies to the member and role, and expires after STAFF_SESSION_TTL', async () => {
    const { token, expiresAt } = await auth.login({ username: reviewer.toUpperCase(), password: PASSWORD });

    expect(await auth.verify(token)).toMatchObject({ username: reviewer, role: 'reviewer' });
    expect(expiresAt).toEqual(new Date(clock.now().getTime() + 8 * 3_600_000));
    clock.advance(8 * 3_600_000);
    await expect(auth.verify(token)).rejects.toMatchObject({ code: 'unauthorized', statusCode: 401 });
  });

  it('given an unknown name, a wrong password or an inactive member, then the same invalid_credentials', async () => {
    const inactive = newName();
    await commands.add(inactive, 'admin', PASSWORD);
    await commands.deactivate(inactive);

    const answers = await Promise.all([
      attempt(newName('nobody'), PASSWORD),
      attempt(reviewer, 'not the password at all'),
      attempt(inactive, PASSWORD),
    ]);
    expect(answers).toEqual(['invalid_credentials', 'invalid_credentials', 'invalid_credentials']);
    await auth.login({ username: reviewer, password: PASSWORD }); // clears the reviewer's failure
  });

  it('given an unknown name, then it costs an argon2 verification like a known one', async () => {
    const time = async (username: string) => {
      clock.advance(2_000);
      const start = performance.now();
      await attempt(username, 'wrong password here');
      return performance.now() - start;
    };
    const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const known: number[] = [];
    const unknown: number[] = [];
    // Interleaved, and compared by median, so that a busy machine slows both alike.
    for (let i = 0; i < 5; i++) {
      known.push(await time(reviewer));
      unknown.push(await time(newName('ghost')));
    }
    expect(mid(unknown)).toBeGreaterThan(mid(known) / 3);
    await auth.login({ username: reviewer, password: PASSWORD });
  });

  it('given deactivation, then an issued token stops working at once', async () => {
    const name = newName();
    await commands.add(name, 'supervisor', PASSWORD);
    const { token } = await auth.login({ username: name, password: PASSWORD });
    await commands.deactivate(name);
    await expect(auth.verify(token)).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('given logout, then the token no longer verifies', async () => {
    const { token } = await auth.login({ username: reviewer, password: PASSWORD });
    await auth.logout(token);
    await expect(auth.verify(token)).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(auth.verify(undefined)).rejects.toMatchObject({ code: 'unauthorized' });
  });
});

describe('staff lockout (Keycloak defaults: 30 failures, then 60 s)', () => {
  it('given 30 failures, then account_locked with a retry time even for the right password, until the wait is over', async () => {
    const name = newName();
    await commands.add(name, 'reviewer', PASSWORD);
    for (let i = 0; i < 30; i++) {
      clock.advance(2_000); // slower than the quick-login check
      expect(await attempt(name, `wrong ${i} password`)).toBe('invalid_credentials');
    }
    clock.advance(1_000);
    const locked = await auth.login({ username: name, password: PASSWORD }).catch((e) => e);
    expect(locked).toMatchObject({ code: 'account_locked', statusCode: 429, detail: { retryAfterSeconds: 59 } });
    expect(await attempt(name, 'wrong again')).toBe('account_locked');

    clock.advance(59_000);
    expect(await attempt(name, PASSWORD)).toBe('success');
    const rows = await audit(`staff:${name}`);
    expect(rows.map((r) => r.detail.outcome)).toEqual([
      ...Array(30).fill('invalid_credentials'),
      'account_locked',
      'account_locked',
      'success',
    ]);
    expect(rows[0].detail).toMatchObject({ reason: 'wrong_password' });
  });

  it('given two failures within a second, then a 60 s wait; unknown names lock alike', async () => {
    const ghost = newName('ghost');
    expect(await attempt(ghost, 'first guess 1')).toBe('invalid_credentials');
    clock.advance(300);
    expect(await attempt(ghost, 'second guess 2')).toBe('invalid_credentials');
    expect(await attempt(ghost, 'third guess 3')).toBe('account_locked');
    clock.advance(60_000);
    expect(await attempt(ghost, 'fourth guess 4')).toBe('invalid_credentials');
  });

  it('never logs a name that is no member (it may be a password typed in the wrong box)', async () => {
    const typo = `pw${randomUUID().slice(0, 8)}`;
    await attempt(typo, PASSWORD);
    const rows = await db('audit_log')
      .where({ action: 'staff_login' })
      .whereRaw('detail::text like ?', [`%${typo}%`]);
    expect(rows).toEqual([]);
    expect(
      await db('audit_log')
        .where({ action: 'staff_login' })
        .whereRaw('actor like ?', [`%${typo}%`]),
    ).toEqual([]);
  });
});
