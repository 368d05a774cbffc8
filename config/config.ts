import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

const Port = (def: number) => Type.Integer({ minimum: 0, maximum: 65535, default: def });
const Url = (def: string) => Type.String({ pattern: '^[a-z][a-z0-9+.-]*://', default: def });
const Duration = (def: string) => Type.String({ pattern: '^P(?!$)(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?$', default: def });
const Secret = (def: string) => Type.String({ minLength: 16, default: def });

/** Every setting the services read, with the defaults that run on a developer's machine. */
export const ConfigSchema = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('test'), Type.Literal('production')], { default: 'development' }),
  LOG_LEVEL: Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)), { default: 'info' }),
  DATABASE_URL: Url('postgres://postgres@127.0.0.1:5432/payam'),
  REDIS_URL: Url('redis://127.0.0.1:6379'),
  /** The engine's REST API, as the API and workers reach it. */
  ENGINE_URL: Url('http://127.0.0.1:8080/engine-rest'),
  /** The service account (group payam-services) the API and workers log in with; provisioned by the engine at start. */
  ENGINE_USER: Type.String({ pattern: '^[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}$', default: 'payam-service' }),
  ENGINE_PASSWORD: Type.String({ minLength: 12, default: 'payam-engine-dev' }),
  /** The engine's administrator, for the staff command (engine users and groups) and Cockpit/Admin. */
  ENGINE_ADMIN_USER: Type.String({ pattern: '^[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}$', default: 'admin' }),
  ENGINE_ADMIN_PASSWORD: Type.String({ minLength: 1, default: 'admin' }),
  /** Where people open Cockpit and Tasklist (links on the reports page). */
  ENGINE_WEBAPP_URL: Url('http://localhost:8080/operaton'),
  /** How long a worker's fetch-and-lock waits for a task before asking again (long polling; no pause between polls). */
  ENGINE_LONG_POLL_MS: Type.Integer({ minimum: 1_000, maximum: 60_000, default: 20_000 }),
  API_HOST: Type.String({ default: '127.0.0.1' }),
  API_PORT: Port(3000),
  PUBLIC_BASE_URL: Url('http://localhost:3000'),
  PGSB_BASE_URL: Url('http://127.0.0.1:3100'),
  PGSB_CLIENT_ID: Type.String({ pattern: '^[A-Z]+/[A-Z]+/[A-Z0-9-]+/[A-Z0-9-]+$', default: 'IR/GOV/ORG/PAYAM' }),
  PGSB_USER_ID: Type.String({ minLength: 1, default: 'payam-registration' }),
  PGSB_TOKEN: Type.String({ default: 'sim-token' }),
  PGSB_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 120_000, default: 5_000 }),
  PGSB_TLS_CA_FILE: Type.Optional(Type.String()),
  PGSB_TLS_CERT_FILE: Type.Optional(Type.String()),
  PGSB_TLS_KEY_FILE: Type.Optional(Type.String()),
  SMS_BASE_URL: Url('http://127.0.0.1:3200'),
  SMS_API_KEY: Type.String({ minLength: 1, default: 'sim-api-key' }),
  SMS_SENDER: Type.String({ default: '10008663' }),
  SMS_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 60_000, default: 5_000 }),
  SMTP_HOST: Type.String({ default: '127.0.0.1' }),
  SMTP_PORT: Port(2525),
  SMTP_SECURE: Type.Boolean({ default: false }),
  SMTP_USER: Type.Optional(Type.String()),
  SMTP_PASSWORD: Type.Optional(Type.String()),
  MAIL_FROM: Type.String({ default: 'Payam Iran <no-reply@payam.iran.ir>' }),
  /** Where review reminders go: the IT office reviewers' shared mailbox. */
  REVIEW_MAILBOX: Type.String({ default: 'it-office-reviewers@payam.iran.ir' }),
  /** Keys the HMAC of one-time codes and captcha answers; rotate with care (open codes become invalid). */
  SECRET_PEPPER: Secret('dev-pepper-change-me-in-production'),
  /** Keys the HMAC under which staff and agency-account session tokens are stored (applicant tokens are stored as plain SHA-256). */
  TOKEN_SECRET: Secret('dev-token-secret-change-me-in-production'),
  APPLICANT_TIMEOUT: Duration('P3D'),
  OTP_TIMEOUT: Duration('PT15M'),
  REVIEW_REMINDER: Duration('P2D'),
  OTP_TTL_SECONDS: Type.Integer({ minimum: 30, maximum: 300, default: 300 }),
  OTP_MAX_WRONG: Type.Integer({ minimum: 1, maximum: 10, default: 3 }),
  OTP_RESEND_COOLDOWN_SECONDS: Type.Integer({ minimum: 0, maximum: 600, default: 60 }),
  /** Codes one round of step 9 may send, first code and new ones together, before resends are refused. */
  OTP_MAX_CODES: Type.Integer({ minimum: 1, maximum: 20, default: 6 }),
  /** How long a submit waits for the process to reach its next wait state before answering "verifying". */
  SUBMIT_WAIT_MS: Type.Integer({ minimum: 0, maximum: 30_000, default: 5_000 }),
  CAPTCHA_TTL_SECONDS: Type.Integer({ minimum: 30, maximum: 900, default: 120 }),
  /** Delivery attempts of one notice (SMS or e-mail) and the first back-off; doubles each time. */
  NOTICE_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 50, default: 6 }),
  NOTICE_RETRY_BACKOFF_MS: Type.Integer({ minimum: 0, maximum: 3_600_000, default: 5_000 }),
  /**
   * Retries and their first back-off are set per service task in the model (properties `retries`,
   * `retryBackoff`); set this only to override the back-off everywhere (drills, tests).
   */
  JOB_RETRY_BACKOFF_MS: Type.Optional(Type.Integer({ minimum: 0, maximum: 3_600_000 })),
  /** Lifetime of a staff bearer token (a working day); deactivation revokes it at once. */
  STAFF_SESSION_TTL: Duration('PT8H'),
  /** Lifetime of an agency account's bearer token (Keycloak's default SSO session maximum, 10 h). */
  ACCOUNT_SESSION_TTL: Duration('PT10H'),
  /** Brute-force protection of staff and account logins, with Keycloak's defaults. Failures before a wait. */
  LOGIN_FAILURE_FACTOR: Type.Integer({ minimum: 1, maximum: 1000, default: 30 }),
  /** Wait added per FAILURE_FACTOR failures (Keycloak waitIncrementSeconds). */
  LOGIN_WAIT_INCREMENT_SECONDS: Type.Integer({ minimum: 1, maximum: 86_400, default: 60 }),
  /** Longest wait (Keycloak maxFailureWaitSeconds). */
  LOGIN_MAX_WAIT_SECONDS: Type.Integer({ minimum: 1, maximum: 86_400, default: 900 }),
  /** Two failures closer than this are a machine guessing (Keycloak quickLoginCheckMilliSeconds)… */
  LOGIN_QUICK_CHECK_MS: Type.Integer({ minimum: 0, maximum: 60_000, default: 1_000 }),
  /** …and earn this wait (Keycloak minimumQuickLoginWaitSeconds). */
  LOGIN_QUICK_WAIT_SECONDS: Type.Integer({ minimum: 0, maximum: 86_400, default: 60 }),
  /** Failures older than this are forgotten (Keycloak maxDeltaTimeSeconds, 12 h). */
  LOGIN_FAILURE_RESET_SECONDS: Type.Integer({ minimum: 60, maximum: 2_592_000, default: 43_200 }),
  TEST_HOOKS: Type.Boolean({ default: false }),
  /** Proxies whose X-Forwarded-For the API believes (addresses or CIDRs, comma-separated); empty: none, so limits key on the peer. */
  API_TRUST_PROXY: Type.String({ pattern: '^[0-9a-fA-F:./, ]*$', default: '' }),
  /** Requests one client address may make per window on each limited route; kept in Redis so all API instances share them. */
  RATE_LIMIT_WINDOW_SECONDS: Type.Integer({ minimum: 1, maximum: 86_400, default: 900 }),
  RATE_LIMIT_START_MAX: Type.Integer({ minimum: 1, maximum: 100_000, default: 20 }),
  RATE_LIMIT_SUBMIT_MAX: Type.Integer({ minimum: 1, maximum: 100_000, default: 30 }),
  /** For entering a code and for asking for a new one, each. */
  RATE_LIMIT_OTP_MAX: Type.Integer({ minimum: 1, maximum: 100_000, default: 30 }),
  RATE_LIMIT_CAPTCHA_MAX: Type.Integer({ minimum: 1, maximum: 100_000, default: 100 }),
  /** Staff and account logins, each; the per-username lockout (LOGIN_*) is the guard against guessing, this one against floods. */
  RATE_LIMIT_LOGIN_MAX: Type.Integer({ minimum: 1, maximum: 100_000, default: 30 }),
});

export type Config = Static<typeof ConfigSchema>;

/** The engine's development passwords (engine/ provisions the same ones); refused in production. */
const DEV_ENGINE_PASSWORDS = { ENGINE_PASSWORD: 'payam-engine-dev', ENGINE_ADMIN_PASSWORD: 'admin' } as const;

export class ConfigError extends Error {
  static readonly code = 'CONFIG_INVALID';
  readonly code = ConfigError.code;
  override name = ConfigError.name;
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
  }
}

/** Reads the environment once at start; unknown variables are ignored, bad ones stop the process. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const keys = Object.keys(ConfigSchema.properties);
  const picked = Object.fromEntries(keys.filter((k) => env[k] !== undefined && env[k] !== '').map((k) => [k, env[k]]));
  const value = Value.Default(ConfigSchema, Value.Convert(ConfigSchema, picked));
  const problems = [...Value.Errors(ConfigSchema, value)].map((e) => `${e.path.slice(1) || '(root)'}: ${e.message}`);
  if (problems.length > 0) throw new ConfigError(problems);
  const config = value as Config;
  if (config.NODE_ENV === 'production') {
    if (config.TEST_HOOKS) throw new ConfigError(['TEST_HOOKS: refused when NODE_ENV=production']);
    for (const k of ['SECRET_PEPPER', 'TOKEN_SECRET'] as const) {
      if (config[k].startsWith('dev-')) throw new ConfigError([`${k}: the development default is refused in production`]);
    }
    const engineDefaults = (['ENGINE_PASSWORD', 'ENGINE_ADMIN_PASSWORD'] as const).filter((k) => config[k] === DEV_ENGINE_PASSWORDS[k]);
    if (engineDefaults.length) throw new ConfigError(engineDefaults.map((k) => `${k}: the development default is refused in production`));
  }
  return config;
}
