import { afterAll, describe, expect, it } from 'vitest';
import { createAccountAuth } from '../../api/auth/account-auth.js';
import { manualClock, insertAccount, testDatabase } from '../support/database.js';

const PASSWORD = 'a long passphrase for payam';
const { db, config } = testDatabase();
const clock = manualClock();
const auth = createAccountAuth({ db, config, now: clock.now });
afterAll(() => db.destroy());

const attempt = (username: string, password: string) =>
  auth.login({ username, password }).then(
    () => 'success',
    (e) => e.code as string,
  );

describe('agency account login (after card step 12)', () => {
  it('given the username from the SMS and the chosen password, then a token; me shows the account and its agency', async () => {
    const account = await insertAccount(db, PASSWORD);
    const { token } = await auth.login({ username: account.username.toUpperCase(), password: PASSWORD });

    expect(await auth.me(token)).toEqual({
      accountId: account.id,
      username: account.username,
      status: 'active',
      agency: { name: account.agencyName, nationalId: account.agencyNationalId },
      createdAt: expect.any(String),
    });
  });

  it('given Persian digits in the username, then the same account', async () => {
    const account = await insertAccount(db, PASSWORD);
    const persian = account.username.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
    expect(await attempt(persian, PASSWORD)).toBe('success');
  });

  it('given a wrong password, an unknown username or a suspended account, then the same invalid_credentials', async () => {
    const active = await insertAccount(db, PASSWORD);
    const suspended = await insertAccount(db, PASSWORD, 'suspended');
    expect([
      await attempt(active.username, 'wrong passphrase entirely'),
      await attempt(`nobody${Date.now()}.0000`, PASSWORD),
      await attempt(suspended.username, PASSWORD),
    ]).toEqual(['invalid_credentials', 'invalid_credentials', 'invalid_credentials']);
  });

  it('records every attempt by account id, never by username', async () => {
    const account = await insertAccount(db, PASSWORD);
    await attempt(account.username, 'wrong passphrase entirely');
    clock.advance(5_000);
    await attempt(account.username, PASSWORD);

    const rows = await db('audit_log')
      .where({ action: 'account_login', actor: `account:${account.id}` })
      .orderBy('id');
    expect(rows.map((r) => [r.registration_id, r.detail])).toEqual([
      [account.registrationId, { outcome: 'invalid_credentials', accountId: account.id, reason: 'wrong_password' }],
      [account.registrationId, { outcome: 'success', accountId: account.id }],
    ]);
    expect(await db('audit_log').whereRaw('detail::text like ?', [`%${account.username}%`])).toEqual([]);
  });

  it('given 30 failures, then locked for 60 s without saying whether the password was right', async () => {
    const account = await insertAccount(db, PASSWORD);
    for (let i = 0; i < 30; i++) {
      clock.advance(1_500);
      await attempt(account.username, `wrong guess ${i}`);
    }
    expect(await attempt(account.username, PASSWORD)).toBe('account_locked');
    expect(await attempt(account.username, 'wrong guess')).toBe('account_locked');
    clock.advance(60_000);
    expect(await attempt(account.username, PASSWORD)).toBe('success');
  });

  it('given an unknown token, then 401 unauthorized', async () => {
    await expect(auth.verify('x'.repeat(43))).rejects.toMatchObject({ code: 'unauthorized', statusCode: 401 });
  });
});
