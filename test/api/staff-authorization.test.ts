import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '../../domain/staff.js';
import { expireSession, staffToken, withToken } from '../support/staff.js';
import { standaloneApp, type StandaloneApp } from '../support/standalone-app.js';

let shell: StandaloneApp;
const tokens = {} as Record<StaffRole, string>;
beforeAll(async () => {
  shell = await standaloneApp();
  for (const role of ['reviewer', 'supervisor', 'admin'] as const)
    tokens[role] = await staffToken(shell.app, shell.app.db, role);
});
afterAll(() => shell?.app.close());

const id = randomUUID();
const period = 'from=1405/01/01&to=1405/01/02';
/** Every staff endpoint, and the role that may not use it (none: any staff member may). */
const endpoints: { method: 'GET' | 'POST'; url: string; body?: object; refused?: StaffRole }[] = [
  { method: 'GET', url: '/api/reviews?state=open', refused: 'supervisor' },
  { method: 'GET', url: `/api/reviews/${id}`, refused: 'supervisor' },
  { method: 'GET', url: `/api/reviews/${id}/letter`, refused: 'supervisor' },
  { method: 'POST', url: `/api/reviews/${id}/decision`, body: { decision: 'approve' }, refused: 'supervisor' },
  { method: 'GET', url: `/api/reports/registrations?${period}`, refused: 'reviewer' },
  { method: 'GET', url: `/api/reports/registrations/instances?${period}&figure=open`, refused: 'reviewer' },
  { method: 'GET', url: '/api/staff/me' },
  { method: 'POST', url: '/api/staff/logout' },
  { method: 'GET', url: '/api/monitor/diagram', refused: 'reviewer' },
  { method: 'GET', url: `/api/monitor/figures?${period}`, refused: 'reviewer' },
  { method: 'GET', url: '/api/monitor/overdue', refused: 'reviewer' },
  { method: 'GET', url: '/api/monitor/incidents', refused: 'reviewer' },
  { method: 'GET', url: `/api/monitor/export?${period}&format=csv`, refused: 'reviewer' },
];
const call = (e: (typeof endpoints)[number], token?: string) =>
  shell.app.inject({ method: e.method, url: e.url, ...(e.body ? { payload: e.body } : {}), ...withToken(token) });

describe('authorization on every staff endpoint', () => {
  it.each(endpoints)('$method $url: no token, a malformed one or an unknown one is 401 unauthorized', async (e) => {
    for (const token of [undefined, 'not a token', 'x'.repeat(43)]) {
      const res = await call(e, token);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.id).toBe('unauthorized');
      expect(res.headers['www-authenticate']).toBe('Bearer');
    }
  });

  it.each(endpoints.filter((e) => e.refused))(
    '$method $url: the wrong role ($refused) is 403 forbidden, whatever the request holds',
    async (e) => {
      const res = await call({ ...e, body: e.body && { decision: 'maybe' } }, tokens[e.refused!]);
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({
        id: 'forbidden',
        text: { fa: 'شما اجازه دسترسی به این بخش را ندارید.' },
      });
    },
  );

  it.each(endpoints)('$method $url: a logged-out token and an expired one are 401', async (e) => {
    const loggedOut = await staffToken(shell.app, shell.app.db, 'admin');
    expect(
      (await shell.app.inject({ method: 'POST', url: '/api/staff/logout', ...withToken(loggedOut) })).statusCode,
    ).toBe(204);
    const expired = await staffToken(shell.app, shell.app.db, 'admin');
    await expireSession(shell.app.db, shell.app.config, expired);

    expect((await call(e, loggedOut)).statusCode).toBe(401);
    expect((await call(e, expired)).statusCode).toBe(401);
  });

  it('given an admin, then both the queue and the figures answer; /api/staff/me names the role', async () => {
    expect((await call(endpoints[0]!, tokens.admin)).statusCode).toBe(200);
    expect((await call(endpoints[4]!, tokens.admin)).statusCode).toBe(200);
    expect((await call(endpoints[6]!, tokens.supervisor)).json()).toEqual({
      username: expect.stringMatching(/^sup/),
      role: 'supervisor',
    });
  });
});
