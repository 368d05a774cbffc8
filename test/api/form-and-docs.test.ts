import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standaloneApp, type StandaloneApp } from '../support/standalone-app.js';

let shell: StandaloneApp;
beforeAll(async () => {
  shell = await standaloneApp();
});
afterAll(() => shell?.app.close());


describe('the form, its font and the API document', () => {
  it('given a browser, when it opens /, then it gets the Persian right-to-left form under a strict CSP', async () => {
    const res = await shell.app.inject('/');

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<html lang="fa" dir="rtl">');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await shell.app.inject('/app.js')).headers['content-type']).toContain('javascript');
  });

  it('given the staff and account pages, when opened at the addresses the notices and the README give, then each is served in Persian under its CSP', async () => {
    for (const url of ['/review/', '/reports/', '/login']) {
      const res = await shell.app.inject(url);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<html lang="fa" dir="rtl">');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    }
    // Only the reviewer page may show blob: URLs, the letter it fetched with the staff token.
    expect((await shell.app.inject('/review/')).headers['content-security-policy']).toContain('frame-src blob:');
    expect((await shell.app.inject('/login')).headers['content-security-policy']).toContain("object-src 'none'");
    expect((await shell.app.inject('/review')).headers.location).toBe('/review/');
  });

  it('given the form, when it loads Vazirmatn, then the woff2 files come from the installed package and nothing else does', async () => {
    const css = await shell.app.inject('/fonts/400.css');
    const font = await shell.app.inject('/fonts/files/vazirmatn-arabic-400-normal.woff2');

    expect(css.statusCode).toBe(200);
    expect(css.body).toContain('./files/vazirmatn-arabic-400-normal.woff2');
    expect(font.statusCode).toBe(200);
    expect(font.headers['content-type']).toBe('font/woff2');
    for (const url of ['/fonts/package.json', '/fonts/files/vazirmatn-arabic-400-normal.woff', '/fonts/../package.json']) {
      expect((await shell.app.inject(url)).statusCode).toBe(404);
    }
  });

  it('given the API, when its OpenAPI document is read, then every route is there with its schemas, and the test hook is not', async () => {
    const doc = (await shell.app.inject('/docs/json')).json();

    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/auth/login', '/api/auth/logout', '/api/auth/me',
      '/api/captcha', '/api/registrations', '/api/registrations/{id}', '/api/registrations/{id}/applicant', '/api/registrations/{id}/letter',
      '/api/registrations/{id}/letter-template', '/api/registrations/{id}/otp', '/api/registrations/{id}/otp/resend', '/api/registrations/{id}/submit',
      '/api/reports/registrations', '/api/reports/registrations/instances',
      '/api/reviews', '/api/reviews/{id}', '/api/reviews/{id}/decision', '/api/reviews/{id}/letter',
      '/api/staff/login', '/api/staff/logout', '/api/staff/me',
    ]);
    expect(doc.paths['/api/reviews/{id}/decision'].post.security).toEqual([{ staffBearer: [] }]);
    expect(doc.paths['/api/auth/me'].get.security).toEqual([{ accountBearer: [] }]);
    expect(doc.paths['/api/reviews/{id}/decision'].post.requestBody.content['application/json'].schema.properties.reason.anyOf.map((r: { enum: string[] }) => r.enum[0]))
      .toEqual(['letter_unsigned', 'letter_mismatch', 'agency_not_eligible', 'representative_not_authorized', 'other']);
    expect(doc.paths['/api/registrations/{id}/submit'].post.requestBody.content['application/json'].schema.required).toEqual(['password', 'captchaId', 'captcha']);
    expect(doc.paths['/api/registrations/{id}/letter'].post.requestBody.content).toHaveProperty('multipart/form-data');
    expect(doc.paths['/api/registrations/{id}'].get.security).toEqual([{ bearer: [] }]);
    expect((await shell.app.inject('/docs')).statusCode).toBeLessThan(400);
  });
});
