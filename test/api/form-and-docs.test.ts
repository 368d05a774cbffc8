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
      '/api/captcha', '/api/registrations', '/api/registrations/{id}', '/api/registrations/{id}/applicant', '/api/registrations/{id}/letter',
      '/api/registrations/{id}/letter-template', '/api/registrations/{id}/otp', '/api/registrations/{id}/otp/resend', '/api/registrations/{id}/submit',
    ]);
    expect(doc.paths['/api/registrations/{id}/submit'].post.requestBody.content['application/json'].schema.required).toEqual(['password', 'captchaId', 'captcha']);
    expect(doc.paths['/api/registrations/{id}/letter'].post.requestBody.content).toHaveProperty('multipart/form-data');
    expect(doc.paths['/api/registrations/{id}'].get.security).toEqual([{ bearer: [] }]);
    expect((await shell.app.inject('/docs')).statusCode).toBeLessThan(400);
  });
});
