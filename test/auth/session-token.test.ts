import { describe, expect, it } from 'vitest';
import { bearerToken, newSessionToken, sessionTokenHash } from '../../api/auth/session-token.js';

describe('session tokens', () => {
  it('given two new tokens, then they differ and carry 256 bits', () => {
    const a = newSessionToken();
    expect(a).not.toBe(newSessionToken());
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
  });

  it('given a token, then its stored hash depends on TOKEN_SECRET (the table alone cannot mint one)', () => {
    const token = newSessionToken();
    expect(sessionTokenHash(token, 'secret-one-of-some-length')).not.toBe(
      sessionTokenHash(token, 'secret-two-of-some-length'),
    );
    expect(sessionTokenHash(token, 'secret-one-of-some-length')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('given Authorization headers, then only a well-formed bearer token is taken', () => {
    const token = newSessionToken();
    expect(bearerToken(`Bearer ${token}`)).toBe(token);
    expect(bearerToken(`bearer ${token}`)).toBe(token);
    expect(bearerToken(`Basic ${token}`)).toBeUndefined();
    expect(bearerToken('Bearer short')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
