import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { developmentProblems } from './development-defaults.js';
import { trustedProxyProblems } from './trusted-proxies.js';
import { validateEmail } from '../domain/email.js';

const Port = (def: number) => Type.Integer({ minimum: 0, maximum: 65535, default: def });
const Url = (def: string) => Type.String({ pattern: '^[a-z][a-z0-9+.-]*://', default: def });
const Duration = (def: string) =>
  Type.String({ pattern: '^P(?!$)(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?$', default: def });
const PemFiles = (def: string) => Type.String({ pattern: '^[^,]+\\.(pem|crt)(,[^,]+\\.(pem|crt))*$', default: def });
const Secret = (def: string) => Type.String({ minLength: 16, default: def });

/** Every setting the services read, with the defaults that run on a developer's machine. */
const ConfigSchema = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('test'), Type.Literal('production')], {
    default: 'development',
  }),
  /**
   * Development asked for explicitly: only then do the development secrets and the simulators'
   * addresses apply (config/development-defaults.ts); refused with NODE_ENV=production.
   */
  PAYAM_DEV_DEFAULTS: Type.Boolean({ default: false }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
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
  /**
   * The engine's history in its own PostgreSQL database, read by the office's monitor through a role that may only
   * SELECT the history tables it needs (ops/engine/history-reader.ts provisions it at each start from this URL's user
   * and password). Never the engine's owner account.
   */
  ENGINE_HISTORY_DATABASE_URL: Url('postgres://payam_history_reader:payam-history-dev@127.0.0.1:5432/operaton'),
  /**
   * The engine JVM's time zone: Operaton writes its history times as timestamps without a zone, in the JVM's
   * local time (UTC in our images and on the test machines).
   */
  ENGINE_HISTORY_TIME_ZONE: Type.String({ pattern: '^[A-Za-z_]+(/[A-Za-z_+-]+)*$', default: 'UTC' }),
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
  /**
   * Trust anchors of signed letters and certificate logins: PEM files (comma-separated) of the roots a
   * chain must end at, and of the intermediates the CA publishes. The defaults are the test CA's (simulators/ca).
   */
  CERT_TRUST_ROOT_FILES: PemFiles('.cache/ca/root.crt.pem'),
  CERT_TRUST_INTERMEDIATE_FILES: PemFiles('.cache/ca/intermediate.crt.pem'),
  /** The intermediate CA's interface for its registration office: issue and revoke (the test CA's by default). */
  CA_RA_URL: Url('http://127.0.0.1:3300'),
  CA_RA_TOKEN: Type.String({ minLength: 1, default: 'sim-ra-token' }),
  CA_RA_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 60_000, default: 5_000 }),
  /**
   * The registration office's own certificate and its PKCS#8 key (PEM files): every request handed to the CA
   * is signed with them, and the CA refuses one that is not. The defaults are those the test CA makes for its office.
   */
  CA_RA_CERTIFICATE_FILE: Type.String({ minLength: 1, default: '.cache/ca/ra-office/certificate.pem' }),
  CA_RA_KEY_FILE: Type.String({ minLength: 1, default: '.cache/ca/ra-office/key.pem' }),
  /** How long a CRL download may take before the check fails (and is retried). */
  CRL_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 60_000, default: 5_000 }),
  SMTP_HOST: Type.String({ default: '127.0.0.1' }),
  SMTP_PORT: Port(2525),
  SMTP_SECURE: Type.Boolean({ default: false }),
  SMTP_USER: Type.Optional(Type.String()),
  SMTP_PASSWORD: Type.Optional(Type.String()),
  MAIL_FROM: Type.String({ default: 'Payam Iran <no-reply@payam.iran.ir>' }),
  /** Where review reminders and the daily digest of overdue reviews go: the IT office reviewers' shared mailbox. */
  REVIEW_MAILBOX: Type.String({ default: 'it-office-reviewers@payam.iran.ir' }),
  /**
   * The IT office's address (or addresses, comma-separated) for incident alerts and their all-clears. Its default
   * is a development address (mail catcher), refused without PAYAM_DEV_DEFAULTS=1: an alert nobody reads is none.
   */
  ALERT_EMAIL_TO: Type.String({ minLength: 3, default: 'it-office@payam.test' }),
  /** How often the incident watcher reads the engine's open incidents (one run per cluster; BullMQ job scheduler). */
  INCIDENT_WATCH_MS: Type.Integer({ minimum: 100, maximum: 3_600_000, default: 60_000 }),
  /** At most one incident alert per system within this time; a further one only for incidents raised since. */
  ALERT_REPEAT_AFTER: Duration('PT1H'),
  /** Keys the HMAC of one-time codes and captcha answers; rotate with care (open codes become invalid). */
  SECRET_PEPPER: Secret('dev-pepper-change-me-in-production'),
  /** Keys the HMAC under which staff and agency-account session tokens are stored (applicant tokens are stored as plain SHA-256). */
  TOKEN_SECRET: Secret('dev-token-secret-change-me-in-production'),
  APPLICANT_TIMEOUT: Duration('P3D'),
  /** How long the applicant's token still reads the outcome after the request closed (no personal data then); 401 after. */
  APPLICANT_TOKEN_GRACE: Duration('PT1H'),
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
  /**
   * The captcha's audio: espeak-ng, the command run (a path, for a drill's slow stand-in), how many run at
   * once (a CPU each), how long one may run before it is killed, and how long a request waits for a free
   * one before it is answered 503 service_unavailable with Retry-After.
   */
  ESPEAK_COMMAND: Type.String({ minLength: 1, default: 'espeak-ng' }),
  ESPEAK_MAX_CONCURRENT: Type.Integer({ minimum: 1, maximum: 64, default: 2 }),
  ESPEAK_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 60_000, default: 5_000 }),
  ESPEAK_QUEUE_WAIT_MS: Type.Integer({ minimum: 0, maximum: 30_000, default: 1_000 }),
  /** Pages an introduction letter may have; a longer PDF is refused (a letter is a page or two, not a dossier). */
  LETTER_MAX_PAGES: Type.Integer({ minimum: 1, maximum: 500, default: 10 }),
  /** Delivery attempts of one notice (SMS or e-mail) and the first back-off; doubles each time. */
  NOTICE_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 50, default: 6 }),
  NOTICE_RETRY_BACKOFF_MS: Type.Integer({ minimum: 0, maximum: 3_600_000, default: 5_000 }),
  /** How often the outbox is swept for notices with no job (Redis lost them) and after how long a new one counts as missed. */
  NOTICE_SWEEP_MS: Type.Integer({ minimum: 100, maximum: 3_600_000, default: 30_000 }),
  NOTICE_SWEEP_GRACE_MS: Type.Integer({ minimum: 0, maximum: 3_600_000, default: 60_000 }),
  /**
   * Retries and their first back-off are set per service task in the model (properties `retries`,
   * `retryBackoff`); set this only to override the back-off everywhere (drills, tests).
   */
  JOB_RETRY_BACKOFF_MS: Type.Optional(Type.Integer({ minimum: 0, maximum: 3_600_000 })),
  /** Lifetime of a staff bearer token (a working day); deactivation revokes it at once. */
  STAFF_SESSION_TTL: Duration('PT8H'),
  /** Lifetime of an agency account's bearer token (Keycloak's default SSO session maximum, 10 h). */
  ACCOUNT_SESSION_TTL: Duration('PT10H'),
  /**
   * How long the personal data and the letter of an unsuccessful (rejected or expired) request are kept
   * after it closed; the engine keeps every instance's history as long (historyTimeToLive, in days, so whole days only).
   */
  RETENTION_UNSUCCESSFUL: Type.String({ pattern: '^P[1-9]\\d*D$', default: 'P90D' }),
  /** How long captchas, one-time codes, entered codes and submitted captcha answers are kept, all of them hashes. */
  RETENTION_CODES: Duration('P1D'),
  /**
   * How long a certificate request's scanned identity documents, the applicant's identity details and the
   * CSR are archived after the request closed (issued, rejected, or its revocation carried out), as the CA's
   * practice statement asks of its registration offices; the daily purge removes them after it. Ten years by
   * default, the archive period CPSs under the ETSI EN 319 411 family commonly set; whole days.
   */
  RETENTION_CERTIFICATE_DOCUMENTS: Type.String({ pattern: '^P[1-9]\\d*D$', default: 'P3650D' }),
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
  /** Answers carry a Server-Timing header (password hash, engine calls, waiting for the workers): for the benchmark and for diagnosis. */
  SERVER_TIMING: Type.Boolean({ default: false }),
  /**
   * The Prometheus scrape endpoints (GET /metrics), on an address and ports of their own that the proxy does not
   * publish: the API's (its requests, the process figures) and the workers' (tasks per topic).
   */
  METRICS_HOST: Type.String({ default: '127.0.0.1' }),
  API_METRICS_PORT: Port(9464),
  WORKERS_METRICS_PORT: Port(9465),
  /**
   * Proxies whose X-Forwarded-For the API believes (addresses or CIDRs, comma-separated; each checked, /0 refused);
   * empty: none, so limits key on the peer. `npm start` sets its proxy's own address (PROXY_SOURCE_ADDRESS, 127.0.0.2).
   */
  API_TRUST_PROXY: Type.String({ pattern: '^[0-9a-fA-F:./, ]*$', default: '' }),
  /** Requests one client address may make per window on each limited route; kept in Redis so all API instances share them. */
  RATE_LIMIT_WINDOW_SECONDS: Type.Integer({ minimum: 1, maximum: 86_400, default: 900 }),
  /**
   * Starts without a captcha; past them, each start needs a solved captcha (GET /api/captcha), so an office
   * behind one NAT address is slowed, never turned away. 60: thirty representatives each starting twice
   * in one quarter hour (a ministry's 31 provincial offices on a deadline's morning), three times the old 20.
   */
  RATE_LIMIT_START_MAX: Type.Integer({ minimum: 1, maximum: 100_000, default: 60 }),
  /** Scaled with starts: about two submits and two code entries (and new codes) per registration, each route. */
  RATE_LIMIT_SUBMIT_MAX: Type.Integer({ minimum: 1, maximum: 100_000, default: 120 }),
  /** For entering a code and for asking for a new one, each. */
  RATE_LIMIT_OTP_MAX: Type.Integer({ minimum: 1, maximum: 100_000, default: 120 }),
  /** About five per registration (a start past its limit, a submit, a wrong answer, a new image, a login); also bounds the starts past RATE_LIMIT_START_MAX. */
  RATE_LIMIT_CAPTCHA_MAX: Type.Integer({ minimum: 1, maximum: 100_000, default: 300 }),
  /** Staff and account logins, each; the per-username lockout (LOGIN_*) is the guard against guessing, this one against floods. */
  /** Status look-ups by tracking code, per address: a person checks a few times a day; nobody walks the codes. */
  RATE_LIMIT_STATUS_MAX: Type.Integer({ minimum: 1, maximum: 100_000, default: 30 }),
  RATE_LIMIT_LOGIN_MAX: Type.Integer({ minimum: 1, maximum: 100_000, default: 30 }),
});

export type Config = Static<typeof ConfigSchema>;

export class ConfigError extends Error {
  static readonly code = 'CONFIG_INVALID';
  readonly code = ConfigError.code;
  override name = ConfigError.name;
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
  }
}

/** Every address of a comma-separated list that is not one, named. */
function addressProblems(name: string, list: string | undefined): string[] {
  if (typeof list !== 'string') return [];
  return list
    .split(',')
    .map((a) => a.trim())
    .filter((a) => !validateEmail(a).ok)
    .map((a) => `${name}: "${a}" is not an e-mail address`);
}

/** Reads the environment once at start; unknown variables are ignored, bad ones stop the process. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const keys = Object.keys(ConfigSchema.properties);
  const picked = Object.fromEntries(keys.filter((k) => env[k] !== undefined && env[k] !== '').map((k) => [k, env[k]]));
  // Taken before the defaults go in: Value.Default fills the object it is given.
  const given = new Set(Object.keys(picked));
  const value = Value.Default(ConfigSchema, Value.Convert(ConfigSchema, picked));
  const defaults = Object.fromEntries(
    keys.map((k) => [k, (ConfigSchema.properties as Record<string, { default?: unknown }>)[k]!.default]),
  );
  // One list: what is malformed, and every development value used without PAYAM_DEV_DEFAULTS=1.
  const problems = [
    ...[...Value.Errors(ConfigSchema, value)].map((e) => `${e.path.slice(1) || '(root)'}: ${e.message}`),
    ...developmentProblems(value as Config, given, defaults),
    ...trustedProxyProblems((value as Config).API_TRUST_PROXY),
    ...addressProblems('ALERT_EMAIL_TO', (value as Config).ALERT_EMAIL_TO),
    ...addressProblems('REVIEW_MAILBOX', (value as Config).REVIEW_MAILBOX),
  ];
  if (problems.length > 0) throw new ConfigError(problems);
  return value as Config;
}
