import { describe, expect, it } from 'vitest';
import { bruteForcePolicy } from '../../api/auth/brute-force-guard.js';
import { loadConfig } from '../../config/config.js';
import { KEYCLOAK_DEFAULTS } from '../../domain/brute-force.js';

// Development defaults asked for, as npm start and npm test do.
const DEV = { PAYAM_DEV_DEFAULTS: '1' };

describe('login settings', () => {
  it('given no variables, then Keycloak brute-force defaults and 8 h / 10 h sessions', () => {
    const config = loadConfig(DEV);
    expect(bruteForcePolicy(config)).toEqual(KEYCLOAK_DEFAULTS);
    expect(config).toMatchObject({ STAFF_SESSION_TTL: 'PT8H', ACCOUNT_SESSION_TTL: 'PT10H' });
  });

  it('given variables, then they override, and nonsense stops the start', () => {
    expect(
      bruteForcePolicy(loadConfig({ ...DEV, LOGIN_FAILURE_FACTOR: '5', LOGIN_MAX_WAIT_SECONDS: '60' })),
    ).toMatchObject({ failureFactor: 5, maxWaitMs: 60_000 });
    expect(() => loadConfig({ ...DEV, LOGIN_FAILURE_FACTOR: '0' })).toThrow(/LOGIN_FAILURE_FACTOR/);
    expect(() => loadConfig({ ...DEV, STAFF_SESSION_TTL: '8 hours' })).toThrow(/STAFF_SESSION_TTL/);
  });
});
