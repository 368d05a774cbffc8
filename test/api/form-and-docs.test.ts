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
    for (const url of ['/review/', '/reports/', '/monitor/', '/modeler/', '/login', '/ra/', '/status/']) {
      const res = await shell.app.inject(url);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<html lang="fa" dir="rtl">');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    }
    // Only the reviewer and RA pages may show blob: URLs, the letter or scans they fetched with the staff token.
    expect((await shell.app.inject('/review/')).headers['content-security-policy']).toContain('frame-src blob:');
    expect((await shell.app.inject('/ra/')).headers['content-security-policy']).toContain('frame-src blob:');
    expect((await shell.app.inject('/status/')).headers['content-security-policy']).toContain("object-src 'none'");
    expect((await shell.app.inject('/login')).headers['content-security-policy']).toContain("object-src 'none'");
    expect((await shell.app.inject('/review')).headers.location).toBe('/review/');
  });

  it('given the modeler page, when it loads its editor, then the bundle is a same-origin script and stylesheet, and nothing else of the build is served', async () => {
    const js = await shell.app.inject('/modeler/assets/editor.js');
    expect([js.statusCode, js.headers['content-type']]).toEqual([200, expect.stringContaining('javascript')]);
    expect((await shell.app.inject('/modeler/assets/editor.css')).headers['content-type']).toContain('text/css');
    expect((await shell.app.inject('/modeler/assets/inputs.sha256')).statusCode).toBe(404);
    // The monitor's read-only viewer comes from the same build.
    expect((await shell.app.inject('/modeler/assets/viewer.js')).headers['content-type']).toContain('javascript');
    expect((await shell.app.inject('/modeler/assets/viewer.css')).headers['content-type']).toContain('text/css');
    expect((await shell.app.inject('/modeler/')).body).toContain(
      '<script type="module" src="/modeler/modeler.js"></script>',
    );
  });

  it('given the form, when it loads Vazirmatn, then the woff2 files come from the installed package and nothing else does', async () => {
    const css = await shell.app.inject('/fonts/400.css');
    const font = await shell.app.inject('/fonts/files/vazirmatn-arabic-400-normal.woff2');

    expect(css.statusCode).toBe(200);
    expect(css.body).toContain('./files/vazirmatn-arabic-400-normal.woff2');
    expect(font.statusCode).toBe(200);
    expect(font.headers['content-type']).toBe('font/woff2');
    for (const url of [
      '/fonts/package.json',
      '/fonts/files/vazirmatn-arabic-400-normal.woff',
      '/fonts/../package.json',
    ]) {
      expect((await shell.app.inject(url)).statusCode).toBe(404);
    }
  });

  it('given the API, when its OpenAPI document is read, then every route is there with its schemas, and the test hook is not', async () => {
    const doc = (await shell.app.inject('/docs/json')).json();

    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/account/certificate',
      '/api/account/certificate/challenge',
      '/api/auth/certificate/challenge',
      '/api/auth/certificate/login',
      '/api/auth/login',
      '/api/auth/logout',
      '/api/auth/me',
      '/api/captcha',
      '/api/captcha/{id}/audio',
      '/api/certificate-requests/{trackingCode}/status',
      '/api/modeler/check',
      '/api/modeler/deploy',
      '/api/modeler/diff',
      '/api/modeler/migration',
      '/api/modeler/migration/plan',
      '/api/modeler/versions',
      '/api/modeler/versions/{id}/xml',
      '/api/monitor/diagram',
      '/api/monitor/export',
      '/api/monitor/figures',
      '/api/monitor/incidents',
      '/api/monitor/overdue',
      '/api/ra/requests',
      '/api/ra/requests/{id}',
      '/api/ra/requests/{id}/certificate',
      '/api/ra/requests/{id}/decision',
      '/api/ra/requests/{id}/documents/{documentId}',
      '/api/ra/requests/{id}/renewal',
      '/api/ra/requests/{id}/revocation',
      '/api/registrations',
      '/api/registrations/{id}',
      '/api/registrations/{id}/applicant',
      '/api/registrations/{id}/letter',
      '/api/registrations/{id}/letter-signature',
      '/api/registrations/{id}/letter-template',
      '/api/registrations/{id}/otp',
      '/api/registrations/{id}/otp/resend',
      '/api/registrations/{id}/session',
      '/api/registrations/{id}/submit',
      '/api/reports/registrations',
      '/api/reports/registrations/instances',
      '/api/reviews',
      '/api/reviews/{id}',
      '/api/reviews/{id}/decision',
      '/api/reviews/{id}/letter',
      '/api/staff/accounts/{accountId}/certificate',
      '/api/staff/login',
      '/api/staff/logout',
      '/api/staff/me',
    ]);
    expect(doc.paths['/api/reviews/{id}/decision'].post.security).toEqual([{ staffBearer: [] }]);
    expect(doc.paths['/api/auth/me'].get.security).toEqual([{ accountBearer: [] }]);
    expect(
      doc.paths['/api/reviews/{id}/decision'].post.requestBody.content[
        'application/json'
      ].schema.properties.reason.anyOf.map((r: { enum: string[] }) => r.enum[0]),
    ).toEqual(['letter_unsigned', 'letter_mismatch', 'agency_not_eligible', 'representative_not_authorized', 'other']);
    expect(
      doc.paths['/api/registrations/{id}/submit'].post.requestBody.content['application/json'].schema.required,
    ).toEqual(['password', 'captchaId', 'captcha']);
    expect(doc.paths['/api/registrations/{id}/letter'].post.requestBody.content).toHaveProperty('multipart/form-data');
    expect(doc.paths['/api/registrations/{id}'].get.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/api/registrations/{id}/session'].delete.security).toEqual([{ bearer: [] }]);
    expect(
      Object.keys(doc.paths['/api/registrations'].post.requestBody.content['application/json'].schema.properties),
    ).toEqual(['captchaId', 'captcha']);
    expect((await shell.app.inject('/docs')).statusCode).toBeLessThan(400);
  });
});

describe('security headers (@fastify/helmet)', () => {
  const csp = (res: { headers: Record<string, unknown> }) => String(res.headers['content-security-policy']);

  it('given any page, when a browser opens it, then it gets its CSP, no referrer, no framing and no sniffing, and no HSTS over plain http', async () => {
    for (const url of ['/', '/review/', '/reports/', '/monitor/', '/modeler/', '/login', '/ra/', '/status/']) {
      const res = await shell.app.inject(url);
      expect(res.headers, url).toMatchObject({
        'referrer-policy': 'no-referrer',
        'x-frame-options': 'DENY',
        'x-content-type-options': 'nosniff',
        'cross-origin-opener-policy': 'same-origin',
      });
      expect(csp(res), url).toContain("frame-ancestors 'none'");
      expect(csp(res), url).toContain("script-src 'self'");
      expect(csp(res), url).not.toContain('unsafe-eval');
      // Styles from the stylesheets, and the letter template's one inline stylesheet by its hash; bpmn-js (the
      // modeler's editor, the monitor's viewer) alone may set style attributes.
      expect(csp(res).replace("style-src-attr 'unsafe-inline'", ''), url).not.toContain('unsafe-inline');
      if (url !== '/modeler/' && url !== '/monitor/') expect(csp(res), url).not.toContain('style-src-attr');
      expect(csp(res), url).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
      expect(res.headers, url).not.toHaveProperty('strict-transport-security');
    }
    // The reviewers' page alone may frame the letter it fetched (a blob: of its own origin); the applicant's form may not.
    expect(csp(await shell.app.inject('/review/'))).toMatch(
      /frame-src blob:;.*object-src blob:|object-src blob:.*frame-src blob:/,
    );
    expect(csp(await shell.app.inject('/'))).toContain("object-src 'none'");
    // The form plays the captcha's audio from a blob it fetched; nothing else of it may come from a blob.
    expect(csp(await shell.app.inject('/'))).toContain('media-src blob:');
    expect(csp(await shell.app.inject('/')).replace('media-src blob:', '')).not.toContain('blob:');
  });

  it('given the API, when it answers with data, then the answer may load and frame nothing and no cache keeps it', async () => {
    for (const url of [
      '/api/captcha',
      '/api/registrations/00000000-0000-4000-8000-000000000000',
      '/api/no-such-route',
    ]) {
      const res = await shell.app.inject(url);
      expect(csp(res), url).toBe("default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'");
      expect(res.headers, url).toMatchObject({ 'referrer-policy': 'no-referrer', 'x-content-type-options': 'nosniff' });
    }
    expect((await shell.app.inject('/api/captcha')).headers['cache-control']).toBe('no-store');
  });

  it("given a page the browser kept, when a reload asks whether it changed, then the 304 carries the page's own policy, which the browser then applies", async () => {
    for (const url of ['/', '/review/']) {
      const first = await shell.app.inject(url);
      const again = await shell.app.inject({ url, headers: { 'if-none-match': String(first.headers.etag) } });
      expect(again.statusCode, url).toBe(304);
      expect(csp(again), url).toBe(csp(first));
    }
  });

  it('given Swagger UI at /docs, when it is opened, then its own scripts and styles are allowed and nothing from elsewhere', async () => {
    const page = await shell.app.inject('/docs/');
    expect(page.statusCode).toBe(200);
    expect(csp(page)).toContain("script-src 'self'");
    // The one page allowed inline styles: Swagger UI's bundle inserts its own stylesheet.
    expect(csp(page)).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp(page)).not.toMatch(/https:|\*/);
  });

  it('given a public address over https, when any answer is sent, then HSTS holds browsers to https for a year, subdomains included', async () => {
    const tls = await standaloneApp({ PUBLIC_BASE_URL: 'https://payam.iran.ir' });
    try {
      for (const url of ['/', '/api/captcha']) {
        expect((await tls.app.inject(url)).headers['strict-transport-security'], url).toBe(
          'max-age=31536000; includeSubDomains',
        );
      }
      expect(csp(await tls.app.inject('/'))).toContain('upgrade-insecure-requests');
    } finally {
      await tls.app.close();
    }
  });
});
