import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config/config.js';

// Development asked for explicitly, as `npm start`, `npm test`, the benchmarks and docker-compose.yml do.
const DEV = { PAYAM_DEV_DEFAULTS: '1' };
// What an operator sets for a real deployment: every secret, and the real gateways.
const REAL = {
  SECRET_PEPPER: 'a-real-pepper-of-some-length',
  TOKEN_SECRET: 'a-real-secret-of-some-length',
  ENGINE_PASSWORD: 'a-real-service-password',
  ENGINE_ADMIN_PASSWORD: 'a-real-admin-password',
  ENGINE_HISTORY_DATABASE_URL: 'postgres://payam_history_reader:a-real-reader-password@db.internal:5432/operaton',
  PGSB_TOKEN: 'a-real-bus-token',
  SMS_API_KEY: 'a-real-sms-key',
  PGSB_BASE_URL: 'https://pgsb.gov.example',
  SMS_BASE_URL: 'https://api.sms.example',
  CERT_TRUST_ROOT_FILES: '/etc/payam/ca/root.pem',
  CERT_TRUST_INTERMEDIATE_FILES: '/etc/payam/ca/intermediate.pem',
  CA_RA_URL: 'https://ra.ca.example',
  CA_RA_TOKEN: 'a-real-ra-token',
  CA_RA_CERTIFICATE_FILE: '/etc/payam/ra/office.pem',
  CA_RA_KEY_FILE: '/etc/payam/ra/office.key',
  ALERT_EMAIL_TO: 'it-operations@payam.iran.ir',
};
const DEVELOPMENT_ONLY = [
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
];

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('configuration from the environment', () => {
  it('runs locally with development asked for and nothing else set', () => {
    const config = loadConfig(DEV);
    expect(config).toMatchObject({
      API_PORT: 3000,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/payam',
      OTP_TTL_SECONDS: 300,
      TEST_HOOKS: false,
    });
    expect(config).toMatchObject({
      PGSB_BASE_URL: 'http://127.0.0.1:3100',
      SMS_BASE_URL: 'http://127.0.0.1:3200',
      ENGINE_PASSWORD: 'payam-engine-dev',
    });
    expect(config.APPLICANT_TOKEN_GRACE).toBe('PT1H');
  });

  it('converts numbers and booleans from their text', () => {
    expect(loadConfig({ ...DEV, API_PORT: '8081', SMTP_SECURE: 'true', TEST_HOOKS: '1' })).toMatchObject({
      API_PORT: 8081,
      SMTP_SECURE: true,
      TEST_HOOKS: true,
    });
  });

  it('stops at start with every bad variable named', () => {
    const attempt = () =>
      loadConfig({
        ...DEV,
        API_PORT: 'eighty',
        DATABASE_URL: 'localhost',
        APPLICANT_TIMEOUT: '3 days',
        OTP_TTL_SECONDS: '3600',
      });
    expect(attempt).toThrow(ConfigError);
    const problems = problemsOf({
      ...DEV,
      API_PORT: 'eighty',
      DATABASE_URL: 'localhost',
      APPLICANT_TIMEOUT: '3 days',
      OTP_TTL_SECONDS: '3600',
    }).join('\n');
    for (const name of ['API_PORT', 'DATABASE_URL', 'APPLICANT_TIMEOUT', 'OTP_TTL_SECONDS'])
      expect(problems).toContain(name);
  });
});

describe('development defaults only when asked for (PAYAM_DEV_DEFAULTS=1)', () => {
  it('given nothing set (NODE_ENV unset, as on a server), when loaded, then start stops naming every secret and gateway left to its development default', () => {
    const problems = problemsOf({});

    expect(problems.map((p) => p.split(':')[0])).toEqual(DEVELOPMENT_ONLY);
    expect(problems[0]).toBe('SECRET_PEPPER: not set (its development default applies only with PAYAM_DEV_DEFAULTS=1)');
  });

  it('given NODE_ENV=development alone, when loaded, then it is no request for development defaults', () => {
    expect(problemsOf({ NODE_ENV: 'development' }).length).toBe(DEVELOPMENT_ONLY.length);
    expect(problemsOf({ NODE_ENV: 'test' }).length).toBe(DEVELOPMENT_ONLY.length);
  });

  it('given the development values typed in, when loaded without the flag, then each is refused by name', () => {
    const problems = problemsOf({
      ...REAL,
      SECRET_PEPPER: 'dev-pepper-change-me-in-production',
      ENGINE_PASSWORD: 'payam-engine-dev',
      ENGINE_ADMIN_PASSWORD: 'admin',
      PGSB_TOKEN: 'sim-token',
      SMS_API_KEY: 'sim-api-key',
    });

    expect(problems).toEqual([
      'SECRET_PEPPER: the development default is refused without PAYAM_DEV_DEFAULTS=1',
      'ENGINE_PASSWORD: the development default is refused without PAYAM_DEV_DEFAULTS=1',
      'ENGINE_ADMIN_PASSWORD: the development default is refused without PAYAM_DEV_DEFAULTS=1',
      'PGSB_TOKEN: the development default is refused without PAYAM_DEV_DEFAULTS=1',
      'SMS_API_KEY: the development default is refused without PAYAM_DEV_DEFAULTS=1',
    ]);
  });

  it('given the IT office’s alert address, then every address of the list is checked, and so is the reviewers’ mailbox', () => {
    expect(loadConfig({ ...REAL, ALERT_EMAIL_TO: 'it-ops@payam.iran.ir, on-call@payam.iran.ir' }).ALERT_EMAIL_TO).toBe(
      'it-ops@payam.iran.ir, on-call@payam.iran.ir',
    );
    expect(
      problemsOf({ ...REAL, ALERT_EMAIL_TO: 'it-ops@payam.iran.ir,it office', REVIEW_MAILBOX: 'reviewers' }),
    ).toEqual([
      'ALERT_EMAIL_TO: "it office" is not an e-mail address',
      'REVIEW_MAILBOX: "reviewers" is not an e-mail address',
    ]);
    expect(problemsOf({ ...REAL, ALERT_EMAIL_TO: 'it-office@payam.test' })).toEqual([
      'ALERT_EMAIL_TO: the development default is refused without PAYAM_DEV_DEFAULTS=1',
    ]);
  });

  it.each([
    ['http://127.0.0.1:3100', '127.0.0.1'],
    ['http://localhost:3100', 'localhost'],
    ['http://[::1]:3100', '[::1]'],
    ['http://0.0.0.0:3100', '0.0.0.0'],
    ['http://127.1.2.3', '127.1.2.3'],
  ])('given PGSB and SMS at %s (a simulator), when loaded without the flag, then both are refused', (url, host) => {
    expect(problemsOf({ ...REAL, PGSB_BASE_URL: url, SMS_BASE_URL: url.replace('3100', '3200') })).toEqual([
      `PGSB_BASE_URL: ${host} is a loopback address (the simulator's); refused without PAYAM_DEV_DEFAULTS=1`,
      `SMS_BASE_URL: ${host} is a loopback address (the simulator's); refused without PAYAM_DEV_DEFAULTS=1`,
    ]);
  });

  it('given every secret and real gateways, when loaded without the flag (NODE_ENV unset or production), then it starts', () => {
    expect(loadConfig(REAL)).toMatchObject({
      NODE_ENV: 'development',
      PAYAM_DEV_DEFAULTS: false,
      PGSB_BASE_URL: REAL.PGSB_BASE_URL,
    });
    expect(loadConfig({ ...REAL, NODE_ENV: 'production' }).NODE_ENV).toBe('production');
  });

  it('given an engine administrator password shorter than 12, when loaded without the flag, then refused as the engine refuses it', () => {
    expect(problemsOf({ ...REAL, ENGINE_ADMIN_PASSWORD: 'short' })).toEqual([
      'ENGINE_ADMIN_PASSWORD: must have at least 12 characters',
    ]);
  });

  it('refuses the flag and the test hooks in production, and the test hooks without the flag', () => {
    expect(problemsOf({ ...DEV, NODE_ENV: 'production' })).toEqual([
      'PAYAM_DEV_DEFAULTS: refused when NODE_ENV=production',
    ]);
    expect(problemsOf({ ...REAL, NODE_ENV: 'production', TEST_HOOKS: '1' })).toEqual([
      'TEST_HOOKS: refused when NODE_ENV=production',
    ]);
    expect(problemsOf({ ...REAL, TEST_HOOKS: '1' })).toEqual(['TEST_HOOKS: only with PAYAM_DEV_DEFAULTS=1']);
  });
});
