import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, STAFF_PASSWORD } from '../../ops/fixtures/staff.js';
import { withToken } from '../support/staff.js';
import { standaloneApp, type StandaloneApp } from '../support/standalone-app.js';

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

const login = (username: string, password: string) =>
  shell.app.inject({
    method: 'POST',
    url: '/api/staff/login',
    payload: { username, password },
    ...withToken(undefined),
  });

describe('staff login', () => {
  it('given the right password, then a token that expires in STAFF_SESSION_TTL (8 h) and works at once', async () => {
    const username = await addStaff(shell.app.db, 'reviewer');
    const res = await login(` ${username.toUpperCase()} `, STAFF_PASSWORD);

    expect(res.statusCode).toBe(200);
    const { token, expiresAt } = res.json();
    expect(new Date(expiresAt).getTime() - Date.now()).toBeGreaterThan(7.9 * 3_600_000);
    expect((await shell.app.inject({ url: '/api/staff/me', ...withToken(token) })).json()).toEqual({
      username,
      role: 'reviewer',
    });
  });

  it('given a wrong password or an unknown name, then the same 401 answer', async () => {
    const username = await addStaff(shell.app.db, 'reviewer');
    const wrong = await login(username, 'not the password at all');
    const unknown = await login(`nobody${Date.now()}`, STAFF_PASSWORD);

    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error).toMatchObject({
      id: 'invalid_credentials',
      text: { fa: 'نام کاربری یا رمز عبور درست نیست.' },
    });
  });

  it('given three failures, then locked: 429 with Retry-After, the right password refused with the very same answer', async () => {
    const username = await addStaff(shell.app.db, 'supervisor');
    for (let i = 0; i < 3; i++) expect((await login(username, `wrong guess ${i}`)).statusCode).toBe(401);

    const right = await login(username, STAFF_PASSWORD);
    const wrong = await login(username, 'wrong guess again');

    expect(right.statusCode).toBe(429);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(50);
    expect(right.json().error).toMatchObject({
      id: 'account_locked',
      retryAfterSeconds: expect.any(Number),
      retryAt: expect.any(String),
    });
    expect(wrong.json().error.id).toBe('account_locked');
    expect(wrong.json().error.text).toEqual(right.json().error.text);
  });
});
