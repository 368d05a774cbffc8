import type { Config } from '../../config/config.js';
import { createLoginFailuresRepo, type LoginRealm } from '../../db/login-failures-repo.js';
import type { Db } from '../../db/knex.js';
import { afterFailure, lockedUntil, type BruteForcePolicy } from '../../domain/brute-force.js';
import { hashSecret } from '../../domain/one-time-code.js';

export const bruteForcePolicy = (config: Config): BruteForcePolicy => ({
  failureFactor: config.LOGIN_FAILURE_FACTOR,
  waitIncrementMs: config.LOGIN_WAIT_INCREMENT_SECONDS * 1000,
  maxWaitMs: config.LOGIN_MAX_WAIT_SECONDS * 1000,
  quickLoginCheckMs: config.LOGIN_QUICK_CHECK_MS,
  minimumQuickLoginWaitMs: config.LOGIN_QUICK_WAIT_SECONDS * 1000,
  maxDeltaTimeMs: config.LOGIN_FAILURE_RESET_SECONDS * 1000,
});

/**
 * Keycloak-style lockout per username, known or not: an unknown name locks like a real one, so
 * a lock says nothing about who exists. The key is an HMAC, so no username is stored in clear.
 */
export function createBruteForceGuard(db: Db, config: Config, now: () => Date) {
  const failures = createLoginFailuresRepo(db);
  const policy = bruteForcePolicy(config);
  const key = (realm: LoginRealm, username: string) => hashSecret(`${realm}:${username}`, config.SECRET_PEPPER);
  return {
    async lockedUntil(realm: LoginRealm, username: string) {
      return lockedUntil(await failures.get(realm, key(realm, username)), now());
    },
    failed: (realm: LoginRealm, username: string) =>
      failures.update(realm, key(realm, username), (r) => afterFailure(r, now(), policy)),
    succeeded: (realm: LoginRealm, username: string) => failures.clear(realm, key(realm, username)),
  };
}

export type BruteForceGuard = ReturnType<typeof createBruteForceGuard>;
