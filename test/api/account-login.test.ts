import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountLogin } from '../support/account-login.js';
import { insertAccount } from '../support/database.js';
import { expireSession, withToken } from '../support/staff.js';
import { standaloneApp, type StandaloneApp } from '../support/standalone-app.js';

const PASSWORD = 'a long passphrase for payam';
let shell: StandaloneApp;
// Small numbers: the third failure locks for a minute; no quick-succession rule, so the count alone decides.
beforeAll(async () => {
  shell = await standaloneApp({
    LOGIN_FAILURE_FACTOR: '3',
    LOGIN_WAIT_INCREMENT_SECONDS: '60',
    LOGIN_QUICK_CHECK_MS: '0',
  });
});
afterAll(() => shell?.app.close());

const login = (username: string, password: string, captcha?: 'right' | 'wrong') =>
  accountLogin(shell.app, username, password, captcha);

describe('the agency account login (PUBLIC_BASE_URL/login)', () => {
  it('given the username and the chosen password, then a token; me shows the username and the agency; logout ends it', async () => {
    const account = await insertAccount(shell.app.db, PASSWORD);
    const res = await login(account.username, PASSWORD);
    expect(res.status).toBe(200);

    const me = await shell.app.inject({ url: '/api/auth/me', ...withToken(res.body.token) });
    expect(me.json()).toMatchObject({
      username: account.username,
      agency: { name: account.agencyName, nationalId: account.agencyNationalId },
    });
    expect(
      (await shell.app.inject({ method: 'POST', url: '/api/auth/logout', ...withToken(res.body.token) })).statusCode,
    ).toBe(204);
    expect((await shell.app.inject({ url: '/api/auth/me', ...withToken(res.body.token) })).statusCode).toBe(401);
  });

  it('given no token, an unknown one or an expired one, then me is 401', async () => {
    const account = await insertAccount(shell.app.db, PASSWORD);
    const { token } = (await login(account.username, PASSWORD)).body;
    await expireSession(shell.app.db, shell.app.config, token);
    for (const t of [undefined, 'x'.repeat(43), token])
      expect((await shell.app.inject({ url: '/api/auth/me', ...withToken(t) })).statusCode).toBe(401);
  });

  it('given a wrong captcha, then 422 at the captcha, the attempt audited, and no failure counted against the name', async () => {
    const account = await insertAccount(shell.app.db, PASSWORD);
    const audited = () =>
      shell.app
        .db('audit_log')
        .where({ action: 'account_login' })
        .whereRaw("detail->>'outcome' = 'captcha_invalid'")
        .count({ n: '*' })
        .first();
    const before = Number((await audited())?.n);
    for (let i = 0; i < 4; i++) {
      const res = await login(account.username, 'wrong password', 'wrong');
      expect(res.status).toBe(422);
      expect(res.error?.fields).toEqual([expect.objectContaining({ field: 'captcha', id: 'captcha_invalid' })]);
    }
    expect(Number((await audited())?.n) - before).toBe(4);
    expect((await login(account.username, PASSWORD)).status).toBe(200);
  });

  it('given a wrong password, an unknown username or a suspended account, then one and the same 401', async () => {
    const active = await insertAccount(shell.app.db, PASSWORD);
    const suspended = await insertAccount(shell.app.db, PASSWORD, 'suspended');
    const answers = [
      await login(active.username, 'not what was chosen'),
      await login(`nobody${Date.now()}.0000`, PASSWORD),
      await login(suspended.username, PASSWORD),
    ];

    expect(answers.map((a) => a.status)).toEqual([401, 401, 401]);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(answers[0]!.error?.text.fa).toBe('نام کاربری یا رمز عبور درست نیست.');
  });

  it('given three failures, then locked with the wait; the same answer for the right password, a wrong one, and an unknown name', async () => {
    const account = await insertAccount(shell.app.db, PASSWORD);
    const unknown = `nobody${Date.now()}.1234`;
    for (let i = 0; i < 3; i++) {
      await login(account.username, `wrong guess ${i}`);
      await login(unknown, `wrong guess ${i}`);
    }

    const answers = [
      await login(account.username, PASSWORD),
      await login(account.username, 'wrong again'),
      await login(unknown, PASSWORD),
    ];

    expect(answers.map((a) => a.status)).toEqual([429, 429, 429]);
    expect(answers.map((a) => a.error?.id)).toEqual(['account_locked', 'account_locked', 'account_locked']);
    expect(new Set(answers.map((a) => a.error?.text.fa)).size).toBe(1);
    expect(answers[0]!.error).toMatchObject({ retryAfterSeconds: expect.any(Number), retryAt: expect.any(String) });
    expect(Number(answers[0]!.headers['retry-after'])).toBe(
      (answers[0]!.error as { retryAfterSeconds?: number }).retryAfterSeconds,
    );
  });
});
