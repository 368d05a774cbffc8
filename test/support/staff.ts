import { sessionTokenHash } from '../../api/auth/session-token.js';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/knex.js';
import type { StaffRole } from '../../domain/staff.js';
import { addStaff, STAFF_PASSWORD } from '../../ops/fixtures/staff.js';
import type { ApiApp } from './api-app.js';
import { newClientAddress } from './api-app.js';

/** A signed-in staff member of the role: the token from POST /api/staff/login. */
export async function staffToken(app: ApiApp, db: Db, role: StaffRole) {
  const username = await addStaff(db, role);
  const res = await app.inject({
    method: 'POST',
    url: '/api/staff/login',
    payload: { username, password: STAFF_PASSWORD },
    remoteAddress: newClientAddress(),
  });
  if (res.statusCode !== 200) throw new Error(`staff login answered ${res.statusCode}: ${res.body}`);
  return (res.json() as { token: string }).token;
}

/** Moves a session's end into the past, as the clock would after STAFF_SESSION_TTL or ACCOUNT_SESSION_TTL. */
export async function expireSession(db: Db, config: Config, token: string) {
  await db('auth_sessions')
    .where({ token_hash: sessionTokenHash(token, config.TOKEN_SECRET) })
    .update({ expires_at: new Date(Date.now() - 1000) });
}

/** A request with a bearer token (or none), from an address of its own so rate limits never interfere. */
export const withToken = (token: string | undefined) => ({
  remoteAddress: newClientAddress(),
  headers: token ? { authorization: `Bearer ${token}` } : {},
});
