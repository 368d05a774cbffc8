import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config/config.js';

describe('configuration from the environment', () => {
  it('runs locally with no variables set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ API_PORT: 3000, DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/payam', OTP_TTL_SECONDS: 300, TEST_HOOKS: false });
  });

  it('converts numbers and booleans from their text', () => {
    expect(loadConfig({ API_PORT: '8081', SMTP_SECURE: 'true', TEST_HOOKS: '1' })).toMatchObject({ API_PORT: 8081, SMTP_SECURE: true, TEST_HOOKS: true });
  });

  it('stops at start with every bad variable named', () => {
    const attempt = () => loadConfig({ API_PORT: 'eighty', DATABASE_URL: 'localhost', APPLICANT_TIMEOUT: '3 days', OTP_TTL_SECONDS: '3600' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (e) {
      const problems = (e as ConfigError).problems.join('\n');
      for (const name of ['API_PORT', 'DATABASE_URL', 'APPLICANT_TIMEOUT', 'OTP_TTL_SECONDS']) expect(problems).toContain(name);
    }
  });

  it('refuses test hooks and development secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', TEST_HOOKS: '1', SECRET_PEPPER: 'a-real-pepper-of-some-length', TOKEN_SECRET: 'a-real-secret-of-some-length' })).toThrow(/TEST_HOOKS/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SECRET_PEPPER/);
    const secrets = { SECRET_PEPPER: 'a-real-pepper-of-some-length', TOKEN_SECRET: 'a-real-secret-of-some-length' };
    expect(() => loadConfig({ NODE_ENV: 'production', ...secrets })).toThrow(/ENGINE_PASSWORD.*ENGINE_ADMIN_PASSWORD/);
    expect(() => loadConfig({ NODE_ENV: 'production', ...secrets, ENGINE_PASSWORD: 'a-real-service-password' })).toThrow(/ENGINE_ADMIN_PASSWORD/);
    expect(loadConfig({ NODE_ENV: 'production', ...secrets, ENGINE_PASSWORD: 'a-real-service-password', ENGINE_ADMIN_PASSWORD: 'a-real-admin-password' }).NODE_ENV).toBe('production');
  });
});
