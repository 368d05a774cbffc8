import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config/config.js';

// Development defaults asked for, as npm start and npm test do.
const DEV = { PAYAM_DEV_DEFAULTS: '1' };

describe('the API settings: rate limits and trusted proxies', () => {
  it('given no variables, when loaded, then limits per address are on, sized for an office behind one NAT address, and no proxy is trusted', () => {
    expect(loadConfig(DEV)).toMatchObject({
      RATE_LIMIT_WINDOW_SECONDS: 900,
      RATE_LIMIT_START_MAX: 60,
      RATE_LIMIT_SUBMIT_MAX: 120,
      RATE_LIMIT_OTP_MAX: 120,
      RATE_LIMIT_CAPTCHA_MAX: 300,
      RATE_LIMIT_LOGIN_MAX: 30,
      API_TRUST_PROXY: '',
    });
  });

  it('given limits and proxies in the environment, when loaded, then they are read as numbers and addresses', () => {
    const config = loadConfig({
      ...DEV,
      RATE_LIMIT_START_MAX: '5',
      RATE_LIMIT_WINDOW_SECONDS: '60',
      API_TRUST_PROXY: '10.0.0.1, 192.168.0.0/16',
    });
    expect(config).toMatchObject({
      RATE_LIMIT_START_MAX: 5,
      RATE_LIMIT_WINDOW_SECONDS: 60,
      API_TRUST_PROXY: '10.0.0.1, 192.168.0.0/16',
    });
  });

  it('given a limit of zero or a proxy that is no address, when loaded, then start stops naming them', () => {
    expect(() => loadConfig({ ...DEV, RATE_LIMIT_CAPTCHA_MAX: '0', API_TRUST_PROXY: 'everyone' })).toThrow(ConfigError);
    try {
      loadConfig({ ...DEV, RATE_LIMIT_CAPTCHA_MAX: '0', API_TRUST_PROXY: 'everyone' });
    } catch (e) {
      expect((e as ConfigError).problems.join('\n')).toMatch(
        /RATE_LIMIT_CAPTCHA_MAX[\s\S]*API_TRUST_PROXY|API_TRUST_PROXY[\s\S]*RATE_LIMIT_CAPTCHA_MAX/,
      );
    }
  });
});

describe('the trusted proxies (API_TRUST_PROXY)', () => {
  const problems = (value: string) => {
    try {
      loadConfig({ ...DEV, API_TRUST_PROXY: value });
      return '';
    } catch (e) {
      return (e as ConfigError).problems.join('\n');
    }
  };

  it('given the proxy’s own address, an IPv6 one or networks, when loaded, then they are accepted', () => {
    for (const ok of ['127.0.0.2', '::1', '10.0.0.0/8, 172.18.0.0/16', 'fd00::/8']) expect(problems(ok)).toBe('');
  });

  it('given a catch-all network, a bad prefix or something that only looks like an address, when loaded, then start stops naming it', () => {
    expect(problems('0.0.0.0/0')).toMatch(/API_TRUST_PROXY: "0.0.0.0\/0" trusts every address/);
    expect(problems('::/0')).toMatch(/trusts every address/);
    expect(problems('10.0.0.0/33')).toMatch(/no valid prefix length/);
    expect(problems('999.1.1.1')).toMatch(/is not an address/);
    expect(problems('127.0.0.2, 1.2.3')).toMatch(/"1.2.3" is not an address/);
  });
});
