import { createAccountsRepo } from '../../db/accounts-repo.js';
import { createApplicantDataRepo } from '../../db/applicant-data-repo.js';
import { createAuditRepo } from '../../db/audit-repo.js';
import { normalizeDigits } from '../../domain/digits.js';
import { attemptLogin } from './attempt-login.js';
import { createBruteForceGuard } from './brute-force-guard.js';
import { unauthorized } from '../errors/app-error.js';
import { loginError } from './login-error.js';
import { createSessions } from './sessions.js';
import type { AuthDeps } from './staff-auth.js';

export interface AccountPrincipal {
  accountId: string;
  username: string;
}

/** The agency account's login (after card step 12). The caller checks the captcha first (verify-captcha.ts). */
export function createAccountAuth({ db, config, now }: AuthDeps) {
  const accounts = createAccountsRepo(db);
  const applicantData = createApplicantDataRepo(db);
  const audit = createAuditRepo(db);
  const sessions = createSessions(db, config, now, 'account');
  const guard = createBruteForceGuard(db, config, now);
  const find = async (username: string) => {
    const row = await accounts.byUsername(username);
    return row && { ...row, passwordHash: row.password_hash, active: row.status === 'active' };
  };

  async function verify(token: string | undefined): Promise<AccountPrincipal> {
    const session = await sessions.find(token);
    const row = session && (await accounts.get(session.subject_id));
    if (row?.status !== 'active') throw unauthorized();
    return { accountId: row.id, username: row.username };
  }

  return {
    verify,

    async login(input: { username: string; password: string }) {
      // Usernames are lower-case ASCII; a Persian keyboard may still send Persian digits.
      const username = normalizeDigits(String(input.username ?? ''))
        .trim()
        .toLowerCase();
      const attempt = await attemptLogin(guard, 'account', username, String(input.password ?? ''), find);
      const who = attempt.principal;
      // The username is made from the representative's name, so only the account id is logged.
      await audit.record({
        registrationId: who?.registration_id ?? null,
        actor: who ? `account:${who.id}` : 'anonymous',
        action: 'account_login',
        detail: {
          outcome: attempt.outcome,
          accountId: who?.id ?? null,
          ...(attempt.outcome === 'invalid_credentials' ? { reason: attempt.reason } : {}),
        },
      });
      if (attempt.outcome !== 'success') throw loginError(attempt, now());
      return sessions.issue(attempt.principal.id);
    },

    /** A login refused at its captcha: no password was tried, yet the attempt is in the audit log like every other. */
    async captchaRefused(outcome: 'captcha_invalid' | 'captcha_expired') {
      await audit.record({ actor: 'anonymous', action: 'account_login', detail: { outcome } });
    },

    /**
     * The signed-in account, with its agency (no personal data of the representative beyond the username).
     * Given the principal the request's hook verified, the token is not verified again.
     */
    async me(session: string | undefined | AccountPrincipal) {
      const { accountId } = typeof session === 'object' ? session : await verify(session);
      const row = await accounts.get(accountId);
      if (!row) throw unauthorized();
      const data = await applicantData.get(row.registration_id);
      return {
        accountId: row.id,
        username: row.username,
        status: row.status,
        agency: { name: data?.agencyName ?? null, nationalId: row.agency_national_id },
        createdAt: new Date(row.created_at).toISOString(),
      };
    },

    /** Ends the token's session; given the principal the request's hook verified, the token is not verified again. */
    async logout(token: string, principal?: AccountPrincipal) {
      const { accountId } = principal ?? (await verify(token));
      await sessions.end(token);
      await audit.record({ actor: `account:${accountId}`, action: 'account_logout', detail: { accountId } });
    },
  };
}

export type AccountAuth = ReturnType<typeof createAccountAuth>;
