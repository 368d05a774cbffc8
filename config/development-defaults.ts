/**
 * Settings whose defaults serve only a developer's machine: the development secrets, and the
 * simulators' loopback addresses for PGSB and the SMS gateway. They are used only when development
 * is asked for in so many words (PAYAM_DEV_DEFAULTS=1, set by `npm start`, `npm test`, the
 * benchmarks and docker-compose.yml); otherwise each must be set, to something else.
 *
 * A variable of its own rather than NODE_ENV: NODE_ENV is set by habit and by tools (vitest sets it
 * to `test`, shells and images export `development`) and changes how libraries behave, so an
 * unset or stray NODE_ENV must not be what turns a simulator or a known password on.
 */
export const DEVELOPMENT_ONLY = [
  'SECRET_PEPPER',
  'TOKEN_SECRET',
  'ENGINE_PASSWORD',
  'ENGINE_ADMIN_PASSWORD',
  'ENGINE_HISTORY_DATABASE_URL',
  'PGSB_TOKEN',
  'SMS_API_KEY',
  'PGSB_BASE_URL',
  'SMS_BASE_URL',
  'CERT_TRUST_ROOT_FILES',
  'CERT_TRUST_INTERMEDIATE_FILES',
  'CA_RA_URL',
  'CA_RA_TOKEN',
  'CA_RA_CERTIFICATE_FILE',
  'CA_RA_KEY_FILE',
  'ALERT_EMAIL_TO',
] as const;

/** The settings these checks read; config.ts's Config has them (named here so the two files do not import each other). */
type DevelopmentSettings = Record<(typeof DEVELOPMENT_ONLY)[number], string> & {
  NODE_ENV: string;
  PAYAM_DEV_DEFAULTS: boolean;
  TEST_HOOKS: boolean;
};

const SIMULATED = ['PGSB_BASE_URL', 'SMS_BASE_URL', 'CA_RA_URL'] as const;
const FLAG = 'PAYAM_DEV_DEFAULTS=1';

/** localhost, 127.0.0.0/8, ::1 and the wildcard: where the simulators listen, never a real gateway. */
function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\.\d+\.\d+\.\d+$/.test(host) ||
    host === '::1' ||
    host === '0.0.0.0' ||
    host === '::' ||
    /^::ffff:127\./.test(host)
  );
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/**
 * Every development value in use without PAYAM_DEV_DEFAULTS=1, each named; and the flag itself or
 * the test hooks where they do not belong. `given` holds the variables the environment set.
 */
export function developmentProblems(
  config: DevelopmentSettings,
  given: ReadonlySet<string>,
  defaults: Readonly<Record<string, unknown>>,
): string[] {
  if (config.PAYAM_DEV_DEFAULTS) {
    return config.NODE_ENV === 'production' ? ['PAYAM_DEV_DEFAULTS: refused when NODE_ENV=production'] : [];
  }
  const problems: string[] = [];
  for (const k of DEVELOPMENT_ONLY) {
    const host = (SIMULATED as readonly string[]).includes(k) ? hostOf(config[k]) : undefined;
    if (!given.has(k)) problems.push(`${k}: not set (its development default applies only with ${FLAG})`);
    else if (host && isLoopbackHost(host))
      problems.push(`${k}: ${host} is a loopback address (the simulator's); refused without ${FLAG}`);
    else if (config[k] === defaults[k]) problems.push(`${k}: the development default is refused without ${FLAG}`);
  }
  // The engine asks as much of its administrator's password (engine/…/AccessSettings.java).
  if (
    given.has('ENGINE_ADMIN_PASSWORD') &&
    config.ENGINE_ADMIN_PASSWORD !== defaults.ENGINE_ADMIN_PASSWORD &&
    config.ENGINE_ADMIN_PASSWORD.length < 12
  ) {
    problems.push('ENGINE_ADMIN_PASSWORD: must have at least 12 characters');
  }
  if (config.TEST_HOOKS) {
    problems.push(
      config.NODE_ENV === 'production'
        ? 'TEST_HOOKS: refused when NODE_ENV=production'
        : `TEST_HOOKS: only with ${FLAG}`,
    );
  }
  return problems;
}
