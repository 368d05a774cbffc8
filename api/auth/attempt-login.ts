import { verifyPassword } from '../../adapters/crypto/password-hash.js';
import type { LoginRealm } from '../../db/login-failures-repo.js';
import type { BruteForceGuard } from './brute-force-guard.js';

export interface Credentialed {
  passwordHash: string;
  active: boolean;
}

export type LoginAttempt<P> =
  | { outcome: 'success'; principal: P }
  | { outcome: 'invalid_credentials'; principal?: P; reason: 'unknown_user' | 'wrong_password' | 'inactive' }
  | { outcome: 'account_locked'; principal?: P; retryAt: Date };

/**
 * One login, for staff and agency accounts alike. A locked name is refused before the password
 * is looked at, so the answer cannot tell whether it was right. Otherwise the password is always
 * verified (against a dummy hash for an unknown name) so that unknown, wrong and inactive cost
 * the same time; the three differ only in the audit log, never in the answer.
 */
export async function attemptLogin<P extends Credentialed>(
  guard: BruteForceGuard,
  realm: LoginRealm,
  username: string,
  password: string,
  find: (username: string) => Promise<P | undefined>,
): Promise<LoginAttempt<P>> {
  const principal = await find(username);
  const retryAt = await guard.lockedUntil(realm, username);
  if (retryAt) return { outcome: 'account_locked', principal, retryAt };
  const matches = await verifyPassword(principal?.passwordHash, password);
  if (principal && matches && principal.active) {
    await guard.succeeded(realm, username);
    return { outcome: 'success', principal };
  }
  await guard.failed(realm, username);
  return {
    outcome: 'invalid_credentials',
    principal,
    reason: !principal ? 'unknown_user' : !matches ? 'wrong_password' : 'inactive',
  };
}
