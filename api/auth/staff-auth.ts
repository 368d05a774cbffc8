import type { Config } from '../../config/config.js';
import { createAuditRepo } from '../../db/audit-repo.js';
import type { Db } from '../../db/knex.js';
import { createStaffRepo } from '../../db/staff-repo.js';
import { normalizeStaffUsername, type StaffRole } from '../../domain/staff.js';
import { attemptLogin } from './attempt-login.js';
import { createBruteForceGuard } from './brute-force-guard.js';
import { unauthorized } from '../errors/app-error.js';
import { loginError } from './login-error.js';
import { createSessions } from './sessions.js';

export interface StaffPrincipal {
  staffId: string;
  username: string;
  role: StaffRole;
}
export interface AuthDeps {
  db: Db;
  config: Config;
  now: () => Date;
}

/** Staff login, token check and logout for the reviewer and supervisor pages. */
export function createStaffAuth({ db, config, now }: AuthDeps) {
  const staff = createStaffRepo(db);
  const audit = createAuditRepo(db);
  const sessions = createSessions(db, config, now, 'staff');
  const guard = createBruteForceGuard(db, config, now);
  const find = async (username: string) => {
    const row = await staff.byUsername(username);
    return row && { ...row, passwordHash: row.password_hash };
  };

  /** The staff member behind a bearer token; 401 when the token is unknown, expired, revoked or its owner inactive. */
  async function verify(token: string | undefined): Promise<StaffPrincipal> {
    const session = await sessions.find(token);
    const row = session && (await staff.get(session.subject_id));
    if (!row?.active) throw unauthorized();
    return { staffId: row.id, username: row.username, role: row.role };
  }

  return {
    verify,

    async login(input: { username: string; password: string }) {
      const username = normalizeStaffUsername(String(input.username ?? ''));
      const attempt = await attemptLogin(guard, 'staff', username, String(input.password ?? ''), find);
      const who = attempt.principal;
      // A name that is no staff member's may be a password typed in the wrong box: it is not logged.
      await audit.record({
        actor: who ? `staff:${who.username}` : 'anonymous',
        action: 'staff_login',
        detail: {
          outcome: attempt.outcome,
          staffId: who?.id ?? null,
          ...(attempt.outcome === 'invalid_credentials' ? { reason: attempt.reason } : {}),
        },
      });
      if (attempt.outcome !== 'success') throw loginError(attempt, now());
      return sessions.issue(attempt.principal.id);
    },

    /** Ends the token's session; given the principal the request's hook verified, the token is not verified again. */
    async logout(token: string, verified?: StaffPrincipal) {
      const principal = verified ?? (await verify(token));
      await sessions.end(token);
      await audit.record({
        actor: `staff:${principal.username}`,
        action: 'staff_logout',
        detail: { staffId: principal.staffId },
      });
    },
  };
}

export type StaffAuth = ReturnType<typeof createStaffAuth>;
